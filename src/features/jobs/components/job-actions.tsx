// What can be done with a job: open what was submitted as a draft, submit it again, cancel it.
// Unavailable actions stay visible, focusable and say why, rather than disappearing.
import { useId } from "react";
import { useLocation } from "wouter";
import { Button } from "../../../components/button";
import { isCancellableStatus } from "../../../contract/job-status";
import type { SimulateClient } from "../../../api/simulate-client";
import { openScriptRequest, type Submission } from "../../../lib/submissions/submission-store";
import { useSubmissionStore } from "../../../lib/submissions/use-submissions";
import { useCancelJob } from "../api/cancel-job";
import { followJob } from "../api/followed-jobs";
import { useCreateJob } from "../api/use-create-job";
import { toast } from "../../../lib/notify";

export function JobActions({
  client,
  job,
  submission,
  compact = false,
}: {
  client: SimulateClient;
  job: { job_id: string; status: string };
  /** What this browser submitted; undefined while it is being read. */
  submission: Submission | null | undefined;
  compact?: boolean;
}) {
  const [, navigate] = useLocation();
  const cancel = useCancelJob(client);
  const resubmit = useCreateJob(client, useSubmissionStore());
  const reasonId = useId();

  const notHere =
    submission === null
      ? "This job was not submitted from this browser, so its script is not here."
      : null;
  // Offered while rendering on any target: the local engine stops the render, and a server
  // that refuses (Odyssey's cloud may, with a 400) is answered in words by the error toast.
  const cancelReason = isCancellableStatus(job.status)
    ? null
    : `A ${job.status} job cannot be cancelled.`;

  const openScript = () => {
    if (!submission) return;
    navigate("/", { state: openScriptRequest(submission) });
  };

  const submitAgain = () => {
    if (!submission || resubmit.isPending) return;
    resubmit.mutate(
      { names: submission.names, scripts: submission.scripts, portrait: submission.portrait },
      {
        onSuccess: (created) =>
          toast.success("Submitted again", {
            ...followJob(created.root, created.job_id, "Submitted again"),
            description: `New job ${created.job_id.slice(0, 8)}`,
            action: {
              label: "View job",
              onClick: () => navigate(`/jobs/${encodeURIComponent(created.job_id)}`),
            },
          }),
        onError: (error) => toast.error("Could not resubmit", { description: error.message }),
      },
    );
  };

  const cancelJob = () => {
    if (cancelReason || cancel.isPending) return;
    cancel.mutate(job.job_id, {
      onSuccess: () => toast.success(`Cancelled job ${job.job_id.slice(0, 8)}`),
      onError: (error) => toast.error("Could not cancel", { description: error.message }),
    });
  };

  const batch = submission && submission.scripts.length > 1;
  return (
    <div className={`flex flex-wrap items-center gap-1.5 ${compact ? "" : "justify-end"}`}>
      <Button
        size="sm"
        aria-disabled={!submission}
        aria-describedby={notHere ? `${reasonId}-script` : undefined}
        title={
          notHere ?? (batch ? "Opens the first script of the batch as a new draft" : undefined)
        }
        onClick={openScript}
      >
        Open script
      </Button>
      <Button
        size="sm"
        aria-disabled={!submission || resubmit.isPending}
        aria-describedby={notHere ? `${reasonId}-script` : undefined}
        title={notHere ?? undefined}
        onClick={submitAgain}
      >
        {resubmit.isPending ? "Resubmitting…" : "Resubmit"}
      </Button>
      <Button
        size="sm"
        aria-disabled={cancelReason !== null || cancel.isPending}
        aria-describedby={cancelReason ? `${reasonId}-cancel` : undefined}
        title={cancelReason ?? undefined}
        onClick={cancelJob}
      >
        {cancel.isPending ? "Cancelling…" : "Cancel"}
      </Button>
      {notHere ? (
        <span id={`${reasonId}-script`} className="sr-only">
          {notHere}
        </span>
      ) : null}
      {cancelReason ? (
        <span id={`${reasonId}-cancel`} className="sr-only">
          {cancelReason}
        </span>
      ) : null}
    </div>
  );
}
