import { QueryClientContext } from "@tanstack/react-query";
import { use, useCallback, useMemo, useRef, useState } from "react";
import { useLocation } from "wouter";
import { isApiError } from "../../api/api-error";
import { submitJob } from "../../features/jobs/api/create-job";
import { followJob } from "../../features/jobs/api/followed-jobs";
import { describeWait } from "../../features/jobs/model/estimate";
import { createDraftPersistence } from "../../features/drafts/adapters/persistence";
import { DraftsMenu } from "../../features/drafts/components/drafts-menu";
import {
  MissingImagesNotice,
  ReadOnlyNotice,
  StorageErrorNotice,
} from "../../features/drafts/components/draft-notices";
import { FirstRunHint } from "../../features/drafts/components/first-run-hint";
import { SubmitWithoutImagesDialog } from "../../features/drafts/components/submit-without-images";
import { firstRun } from "../../features/drafts/model/first-run";
import {
  type DraftPersistence,
  type DraftSession,
  startsWithoutImage,
  type TakeStartupDraft,
  useDraftSession,
} from "../../features/drafts/hooks/use-draft-session";
import { decodeShareFragment, hasShareFragment } from "../../features/timeline/adapters/script-io";
import { Studio, type StudioDrafts } from "../../features/timeline/components/studio";
import { StudioErrorBoundary } from "../../features/timeline/components/studio-error-boundary";
import { scriptToTimeline } from "../../features/timeline/model/convert";
import type { StudioSubmitter } from "../../features/timeline/model/submission";
import {
  createDraftStore,
  type DraftStore,
  draftData,
} from "../../features/timeline/store/draft-store";
import { useDraftActions, useDraftStore } from "../../features/timeline/store/use-draft-store";
import { useApiClient } from "../../lib/connection/use-connection";
import { isOpenScriptRequest } from "../../lib/submissions/submission-store";
import { useSubmissionStore } from "../../lib/submissions/use-submissions";
import { toast } from "../../lib/notify";

/** A share link's script, once: the fragment is cleared so a reload does not open it again. */
function takeSharedScript() {
  const { hash } = window.location;
  if (!hasShareFragment(hash)) return null;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  return decodeShareFragment(hash).then(
    (decoded) => {
      if (!decoded?.ok) return { error: decoded?.message ?? "The share link is damaged." };
      const timeline = scriptToTimeline(decoded.script, { portrait: decoded.portrait });
      // The link names, by their order among the starts, those whose image it left out.
      const missingImages = decoded.imagesOmitted.flatMap((n) => {
        const id = timeline.clips[n]?.start.id;
        return id === undefined ? [] : [id];
      });
      return {
        name: decoded.name,
        timeline,
        missingImages,
        message: `Opened the shared script “${decoded.name}” as a new draft`,
      };
    },
    () => ({ error: "The share link could not be opened: reload the page to try again." }),
  );
}

export function StudioRoute() {
  const [persistence] = useState(() => createDraftPersistence());
  const submitter = useSubmitter();

  // "Open script" on a job arrives as the history entry's state, taken once like a share link:
  // cleared, so neither a reload nor Back opens it again.
  const [openRequest] = useState<unknown>(() => history.state);
  const requestTaken = useRef(false);
  const takeStartupDraft = useCallback(() => {
    const shared = takeSharedScript();
    if (shared) return shared;
    if (requestTaken.current || !isOpenScriptRequest(openRequest)) return null;
    requestTaken.current = true;
    history.replaceState(null, "");
    const { name, script, portrait } = openRequest.openScript;
    return {
      name,
      timeline: scriptToTimeline(script, { portrait }),
      message: `Opened “${name}” from its job as a new draft`,
    };
  }, [openRequest]);

  return (
    <StudioErrorBoundary>
      <DraftsStudio
        persistence={persistence}
        takeStartupDraft={takeStartupDraft}
        submitter={submitter}
      />
    </StudioErrorBoundary>
  );
}

const sample = {
  isFirst: firstRun.isFirst,
  done: firstRun.done,
  // A first visit only: the starter drafts stay off every other load.
  draft: () =>
    import("../../features/drafts/model/starter-drafts").then(
      ({ SAMPLE_NAME, sampleTimeline }) => ({ name: SAMPLE_NAME, timeline: sampleTimeline() }),
    ),
};

/** The timeline's editor on the drafts feature's open draft. */
export function DraftsStudio({
  persistence,
  takeStartupDraft,
  submitter = null,
}: {
  persistence: DraftPersistence;
  takeStartupDraft?: TakeStartupDraft;
  submitter?: StudioSubmitter | null;
}) {
  const [storageError, setStorageError] = useState<{
    message: string;
    stillSaving: boolean;
  } | null>(null);
  const onStorageError = useCallback(
    (message: string, { stillSaving = false }: { stillSaving?: boolean } = {}) => {
      // A draft not saved at all outranks edits saved a moment late.
      setStorageError((shown) => (shown && !shown.stillSaving ? shown : { message, stillSaving }));
      const title = stillSaving ? "Edits are not kept instantly" : "Your draft could not be saved";
      toast.error(title, { description: message, id: "storage-error" });
    },
    [],
  );
  const session = useDraftSession<DraftStore>(persistence, {
    createStore: createDraftStore,
    takeStartupDraft,
    onStorageError,
    sample,
  });
  const { store, drafts, readOnly, meta, waiveImages, openScript, flush } = session;
  const [asking, setAsking] = useState<{ answer: (submit: boolean) => void } | null>(null);

  // A draft that lost images on the way asks once before it is sent without them.
  const guarded = useMemo((): StudioSubmitter | null => {
    if (!submitter) return null;
    return {
      ...submitter,
      async submit(request) {
        const timeline = store?.getState().timeline;
        const missing = timeline ? startsWithoutImage(timeline, meta.missingImages) : [];
        if (missing.length > 0 && !meta.imagesWaived) {
          const confirmed = await new Promise<boolean>((answer) => setAsking({ answer }));
          setAsking(null);
          if (!confirmed) {
            return {
              ok: false as const,
              message: "You chose to add the missing images first.",
              issues: [],
            };
          }
          waiveImages();
        }
        return submitter.submit(request);
      },
    };
  }, [submitter, store, meta, waiveImages]);

  const kept = useMemo(
    (): StudioDrafts => ({
      store,
      drafts,
      loadDraft: (id) => persistence.load(id),
      openScript,
      saveNow: () => {
        // The store as it is now, not only what autosave has scheduled: the edit that crashed
        // the editor may have come before autosave heard of it.
        if (store && !readOnly) persistence.schedule({ ...draftData(store.getState()), ...meta });
        void flush();
      },
      readOnly,
    }),
    [store, drafts, persistence, openScript, flush, readOnly, meta],
  );

  return (
    <>
      <Studio
        drafts={kept}
        draftsMenu={<OpenDraftMenu session={session} />}
        notices={
          <>
            <StorageErrorNotice error={storageError} onDismiss={() => setStorageError(null)} />
            <ReadOnlyNotice session={session} />
            <MissingImagesNotice session={session} />
            <FirstRunHint />
          </>
        }
        submitter={guarded}
      />
      <SubmitWithoutImagesDialog
        open={asking !== null}
        onAnswer={(submit) => asking?.answer(submit)}
      />
    </>
  );
}

/** The drafts menu on the editor's store: a rename is the editor's, for one undo history. */
function OpenDraftMenu({ session }: { session: DraftSession }) {
  const name = useDraftStore((s) => s.name);
  const { rename, endHistoryGroup } = useDraftActions();
  return (
    <DraftsMenu session={session} name={name} onRename={rename} onRenameEnd={endHistoryGroup} />
  );
}

/** Submit from the studio: create the job on the chosen target and say where to watch it. */
function useSubmitter(): StudioSubmitter {
  const { client, connection } = useApiClient();
  // Undefined until Query's core has arrived, just after the first paint (app/server-state.tsx).
  const queryClient = use(QueryClientContext);
  const submissions = useSubmissionStore();
  const [, navigate] = useLocation();
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
          const created = await submitJob(queryClient, client, submissions, request);
          const wait = describeWait(created.estimated_wait_minutes);
          toast.success("Job submitted", {
            ...followJob(created.root, created.job_id, "Job submitted"),
            description: wait
              ? `Job ${created.job_id.slice(0, 8)} is queued: ${wait} to wait, by the server's estimate.`
              : `Job ${created.job_id.slice(0, 8)} is queued.`,
            action: {
              label: "View job",
              onClick: () => navigate(`/jobs/${encodeURIComponent(created.job_id)}`),
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
    [connection, queryClient, client, submissions, navigate],
  );
}
