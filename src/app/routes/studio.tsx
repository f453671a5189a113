import { useCallback, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { toast } from "sonner";
import { isApiError } from "../../api/api-error";
import { useCreateJob } from "../../features/jobs/api/create-job";
import { createDraftPersistence } from "../../features/timeline/adapters/persistence";
import { decodeShareFragment } from "../../features/timeline/adapters/script-io";
import { Studio } from "../../features/timeline/components/studio";
import { StudioErrorBoundary } from "../../features/timeline/components/studio-error-boundary";
import { scriptToTimeline } from "../../features/timeline/model/convert";
import type { StudioSubmitter } from "../../features/timeline/model/submission";
import { useApiClient } from "../../lib/connection/use-connection";
import { isOpenScriptRequest } from "../../lib/submissions/submission-store";
import { useSubmissionStore } from "../../lib/submissions/use-submissions";

/** A share link's script, once: the fragment is cleared so a reload does not open it again. */
function takeSharedScript() {
  const decoded = decodeShareFragment(window.location.hash);
  if (decoded === null) return null;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  if (!decoded.ok) return { error: decoded.message };
  return {
    name: decoded.name,
    timeline: scriptToTimeline(decoded.script, { portrait: decoded.portrait }),
    message: `Opened the shared script “${decoded.name}” as a new draft`,
  };
}

export function StudioRoute() {
  const [persistence] = useState(() => createDraftPersistence());
  const location = useLocation();
  const navigate = useNavigate();
  const submitter = useSubmitter();

  // "Open script" on a job arrives as router state, taken once like a share link.
  const routerState = useRef(location.state);
  const takeStartupDraft = useCallback(() => {
    const shared = takeSharedScript();
    if (shared) return shared;
    const state = routerState.current;
    routerState.current = null;
    if (!isOpenScriptRequest(state)) return null;
    // Not ".": from an index route that resolves to "/?index".
    const { pathname, search, hash } = window.location;
    void navigate(pathname + search + hash, { replace: true, state: null });
    const { name, script, portrait } = state.openScript;
    return {
      name,
      timeline: scriptToTimeline(script, { portrait }),
      message: `Opened “${name}” from its job as a new draft`,
    };
  }, [navigate]);

  return (
    <StudioErrorBoundary>
      <Studio persistence={persistence} takeStartupDraft={takeStartupDraft} submitter={submitter} />
    </StudioErrorBoundary>
  );
}

/** Submit from the studio: create the job on the chosen target and say where to watch it. */
function useSubmitter(): StudioSubmitter {
  const { client, connection } = useApiClient();
  const { mutateAsync } = useCreateJob(client, useSubmissionStore());
  const navigate = useNavigate();
  return useMemo(
    () => ({
      unavailable: connection.ready ? null : connection.reason,
      destination:
        connection.target === "local"
          ? "the local engine (a preview)"
          : connection.target === "cloud"
            ? "Odyssey's cloud"
            : connection.root,
      async submit(request) {
        try {
          const created = await mutateAsync(request);
          const wait = created.estimated_wait_minutes;
          toast.success("Job submitted", {
            description:
              wait != null && wait > 0
                ? `Job ${created.job_id.slice(0, 8)} is queued: about ${Math.max(1, Math.round(wait))} min to wait.`
                : `Job ${created.job_id.slice(0, 8)} is queued.`,
            action: {
              label: "View job",
              onClick: () => void navigate(`/jobs/${encodeURIComponent(created.job_id)}`),
            },
          });
          if (created.unreadable) {
            // The server made the job (it named it), so it is followed like any other.
            toast.warning("Part of the server's answer could not be read", {
              description: `${created.unreadable} The job was created and the studio follows it.`,
            });
          }
          if (!created.kept) {
            toast.warning("This browser could not keep a copy of the submitted script", {
              description: "The job runs; Open script and Resubmit will not be available for it.",
            });
          }
          return { ok: true as const };
        } catch (error) {
          return {
            ok: false as const,
            message: error instanceof Error ? error.message : String(error),
            issues: isApiError(error) ? error.issues : [],
          };
        }
      },
    }),
    [connection, mutateAsync, navigate],
  );
}
