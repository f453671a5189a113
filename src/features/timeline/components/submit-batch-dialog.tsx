// Submit batch's dialog: choose drafts to run as one job. Kept off the studio's first load, as
// nothing shows it before Submit batch is clicked (see studio-chunks.ts).
import { useEffect, useId, useState } from "react";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import { formatCount } from "../../../contract/format";
import { useStudioSubmit } from "../hooks/use-studio-submit";
import { checkTimeline } from "../model/problems";
import type { SubmitRequest } from "../model/submission";
import { draftData } from "../store/draft-store";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import type { Failure } from "./submit-controls";

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

export function SubmitBatchDialog({
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
