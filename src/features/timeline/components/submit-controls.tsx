// Submit and Submit batch: disabled with the reason while the script has problems or no
// target is ready, guarded against double clicks, and a refusal shown in words with each
// problem linked to the entry the server named. The draft itself is never touched.
import { useId, useRef, useState } from "react";
import { formatCount } from "../../../contract/format";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useRevealEntry } from "../hooks/use-reveal-entry";
import { useStudioSubmit } from "../hooks/use-studio-submit";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { type PlacedIssue, placeIssues, type SubmitRequest } from "../model/submission";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { loadedSubmitBatchDialog, loadSubmitBatchDialog, useFetchPart } from "./studio-chunks";

export type Failure = { message: string; issues: PlacedIssue[] };

export function SubmitControls() {
  const { submitter, reportRefusal } = useStudioSubmit();
  const { problems, script } = useTimelineCheck();
  const store = useDraftStoreApi();
  const portrait = useDraftStore((s) => s.timeline.portrait);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);
  const inFlight = useRef(false);
  const reasonId = useId();
  const [SubmitBatchDialog, setSubmitBatchDialog] = useState(loadedSubmitBatchDialog);
  useFetchPart(batchOpen && !SubmitBatchDialog, loadSubmitBatchDialog, setSubmitBatchDialog);

  const first = problems[0];
  const reason = first
    ? `Fix ${problems.length === 1 ? "the problem" : `${formatCount(problems.length)} problems`} first: ${first.message}`
    : !submitter
      ? "Submitting is not available here."
      : submitter.unavailable;

  const send = async (request: SubmitRequest, scriptIndex: number | null) => {
    // A ref, not state: two clicks in one frame both see the state from before the first.
    if (!submitter || inFlight.current) return false;
    inFlight.current = true;
    setPending(true);
    setFailure(null);
    try {
      const outcome = await submitter.submit(request);
      if (outcome.ok) return true;
      const timeline = store.getState().timeline;
      const issues = placeIssues(outcome.issues, timeline, scriptIndex);
      setFailure({ message: outcome.message, issues });
      const refusals = issues.flatMap((issue) =>
        issue.entryId ? [{ entryId: issue.entryId, message: issue.message }] : [],
      );
      reportRefusal(refusals.length > 0 ? { timeline, refusals } : null);
      return false;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };

  const submitOne = () => {
    if (reason !== null) return;
    void send({ names: [store.getState().name], scripts: [script], portrait }, null);
  };

  return (
    <div className="relative flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <Button
          variant="primary"
          size="lg"
          disabled={reason !== null && !pending}
          pending={pending}
          aria-describedby={reasonId}
          onClick={submitOne}
        >
          {pending ? "Submitting…" : "Submit"}
        </Button>
        <Button
          disabled={!submitter || submitter.unavailable !== null || pending}
          onClick={() => setBatchOpen(true)}
        >
          Submit batch…
        </Button>
      </div>
      <p id={reasonId} className="max-w-80 text-right text-xs text-zinc-500 dark:text-zinc-400">
        {pending
          ? "Sending…"
          : (reason ?? `Ready to run on ${submitter?.destination ?? "the server"}.`)}
      </p>
      {failure ? <SubmitFailure failure={failure} onDismiss={() => setFailure(null)} /> : null}
      {/* Its chunk is fetched on the first click (or when the studio is idle); it opens then. */}
      {SubmitBatchDialog ? (
        <SubmitBatchDialog
          open={batchOpen}
          onClose={() => setBatchOpen(false)}
          onSubmit={async (request, currentIndex) => {
            const sent = await send(request, currentIndex);
            if (sent) setBatchOpen(false);
            return sent;
          }}
          pending={pending}
          currentDraftId={store.getState().draftId}
          currentFailure={failure}
        />
      ) : null}
    </div>
  );
}

function SubmitFailure({ failure, onDismiss }: { failure: Failure; onDismiss: () => void }) {
  const reveal = useRevealEntry();
  return (
    <Alert
      layout="floating"
      title="Not submitted."
      onDismiss={onDismiss}
      className="absolute top-full right-0 z-30 mt-1 w-[min(28rem,calc(100vw-2rem))]"
    >
      {failure.message} Your draft is unchanged.
      {failure.issues.length > 0 ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {failure.issues.slice(0, 20).map((issue, index) => (
            <li key={index}>
              {issue.entryId ? (
                <a
                  href={`#entry-${issue.entryId}`}
                  className="underline"
                  onClick={(event) => {
                    event.preventDefault();
                    reveal(issue.entryId as string);
                  }}
                >
                  {issue.message}
                </a>
              ) : (
                issue.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
