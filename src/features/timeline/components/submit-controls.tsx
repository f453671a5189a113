// Submit and Submit batch: disabled with the reason while the script has problems or no
// target is ready, guarded against double clicks, and a refusal shown in words with each
// problem linked to the entry the server named. The draft itself is never touched.
import { useEffect, useId, useRef, useState } from "react";
import { formatCount } from "../../../contract/format";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import { useRevealEntry } from "../hooks/use-reveal-entry";
import { useStudioSubmit } from "../hooks/use-studio-submit";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { checkTimeline } from "../model/problems";
import { type PlacedIssue, placeIssues, type SubmitRequest } from "../model/submission";
import { draftData } from "../store/draft-store";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";

type Failure = { message: string; issues: PlacedIssue[] };

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
        <button
          type="button"
          disabled={reason !== null && !pending}
          aria-disabled={pending || undefined}
          aria-describedby={reasonId}
          onClick={submitOne}
          className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700 aria-disabled:cursor-wait aria-disabled:opacity-70 disabled:cursor-not-allowed disabled:bg-zinc-300 disabled:text-zinc-600 dark:disabled:bg-zinc-700 dark:disabled:text-zinc-400"
        >
          {pending ? "Submitting…" : "Submit"}
        </button>
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
    </div>
  );
}

function SubmitFailure({ failure, onDismiss }: { failure: Failure; onDismiss: () => void }) {
  const reveal = useRevealEntry();
  return (
    <div
      role="alert"
      className="absolute top-full right-0 z-30 mt-1 w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 shadow-lg dark:border-red-500/40 dark:bg-zinc-900 dark:text-red-200"
    >
      <div className="flex items-start justify-between gap-3">
        <p>
          <strong className="font-semibold">Not submitted.</strong> {failure.message} Your draft is
          unchanged.
        </p>
        <button type="button" className="text-xs font-medium underline" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
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
    </div>
  );
}

interface BatchCandidate {
  id: string;
  name: string;
  streams: number;
  portrait: boolean;
  problems: number;
  script: SubmitRequest["scripts"][number];
}

/** Why a draft cannot join a batch of this orientation, or null. A job has one orientation. */
function batchExclusion(c: BatchCandidate, portrait: boolean): string | null {
  if (c.problems > 0) {
    return `${formatCount(c.problems)} ${c.problems === 1 ? "problem" : "problems"} to fix first`;
  }
  if (c.portrait !== portrait) {
    return `${c.portrait ? "Portrait" : "Landscape"}: this batch is ${portrait ? "portrait" : "landscape"}, like the open draft`;
  }
  return c.streams === 0 ? "No streams" : null;
}

function SubmitBatchDialog({
  open,
  onClose,
  onSubmit,
  pending,
  currentDraftId,
  currentFailure,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (request: SubmitRequest, currentIndex: number | null) => Promise<boolean>;
  pending: boolean;
  currentDraftId: string;
  currentFailure: Failure | null;
}) {
  const { drafts, loadDraft } = useStudioSubmit();
  const store = useDraftStoreApi();
  const [candidates, setCandidates] = useState<BatchCandidate[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const titleId = useId();

  // Read every draft when the dialog opens; the open one from the editor, unsaved edits included.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void (async () => {
      const current = draftData(store.getState());
      const loaded = await Promise.all(
        drafts.map((d) => (d.id === current.draftId ? current : loadDraft(d.id).catch(() => null))),
      );
      if (cancelled) return;
      const list = [current, ...loaded.filter((d) => d !== null && d.draftId !== current.draftId)]
        .filter((d) => d !== null)
        .map((d) => {
          const check = checkTimeline(d.timeline);
          return {
            id: d.draftId,
            name: d.name,
            streams: d.timeline.clips.length,
            portrait: d.timeline.portrait,
            problems: check.problems.length,
            script: check.script,
          };
        });
      setCandidates(list);
      setChosen(new Set([current.draftId]));
    })();
    return () => {
      cancelled = true;
    };
  }, [open, drafts, loadDraft, store]);

  const portrait = useDraftStore((s) => s.timeline.portrait);
  const why = (c: BatchCandidate) => batchExclusion(c, portrait);
  const selected = (candidates ?? []).filter((c) => chosen.has(c.id) && why(c) === null);

  const submit = () => {
    if (selected.length === 0 || pending) return;
    const index = selected.findIndex((c) => c.id === currentDraftId);
    void onSubmit(
      { names: selected.map((c) => c.name), scripts: selected.map((c) => c.script), portrait },
      index === -1 ? null : index,
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Submit a batch"
      description="Several drafts run as one job, each as its own script. Duplicate a draft to make variants."
      closeLabel={null}
      className="w-[min(36rem,calc(100vw-2rem))]"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
          <Button variant="primary" disabled={selected.length === 0 || pending} onClick={submit}>
            {pending
              ? "Submitting…"
              : `Submit ${formatCount(selected.length)} ${selected.length === 1 ? "script" : "scripts"}`}
          </Button>
        </>
      }
    >
      <fieldset className="max-h-80 overflow-y-auto px-5 py-3">
        <legend className="sr-only">Drafts in the batch</legend>
        {candidates === null ? (
          <p role="status" className="text-sm text-zinc-500">
            Reading drafts…
          </p>
        ) : (
          <ul className="space-y-2">
            {candidates.map((c) => {
              const reason = why(c);
              return (
                <li key={c.id} className="flex items-start gap-2 text-sm">
                  <input
                    id={`${titleId}-${c.id}`}
                    type="checkbox"
                    className="mt-0.5 size-4 accent-accent-600"
                    disabled={reason !== null}
                    checked={reason === null && chosen.has(c.id)}
                    aria-describedby={`${titleId}-${c.id}-about`}
                    onChange={(event) =>
                      setChosen((set) => {
                        const next = new Set(set);
                        if (event.target.checked) next.add(c.id);
                        else next.delete(c.id);
                        return next;
                      })
                    }
                  />
                  <div>
                    <label htmlFor={`${titleId}-${c.id}`} className="font-medium">
                      {c.name}
                    </label>
                    <p id={`${titleId}-${c.id}-about`} className="text-xs text-zinc-500">
                      {reason ??
                        `${formatCount(c.streams)} ${c.streams === 1 ? "stream" : "streams"}${
                          c.id === currentDraftId ? " · open now" : ""
                        }`}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {currentFailure ? <Alert className="mx-5 mb-2">{currentFailure.message}</Alert> : null}
    </Dialog>
  );
}
