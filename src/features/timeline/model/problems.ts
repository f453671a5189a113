// validateScript's problems, and interactions no frame would show, pinned on the timeline
// entries they are about, so the editor can mark each entry and select it from the list.
import type { ScriptEntry } from "../../../contract/script";
import {
  type ScriptProblem,
  unseenInteractions,
  validateScript,
} from "../../../contract/validate-script";
import { timelineToScript } from "./convert";
import { entryIdsInScriptOrder, type Timeline } from "./timeline";

export interface PinnedProblem extends Omit<ScriptProblem, "code"> {
  /** validateScript's code, or "refused" for a problem the server found on submission. */
  code: ScriptProblem["code"] | "refused";
  /** The entry the problem is about, or null for the script as a whole. */
  entryId: string | null;
}

/** A problem the server named when it refused this very timeline. */
export interface Refusal {
  entryId: string;
  message: string;
}

/** A problem as a clip shows it: on one of its entries. */
export interface ClipProblem {
  entryId: string;
  message: string;
}

export interface TimelineCheck {
  script: ScriptEntry[];
  problems: PinnedProblem[];
  /** Each clip's problems, by clip id; clips without problems are absent. */
  problemsByClip: Map<string, readonly ClipProblem[]>;
}

/**
 * `refusals` are what the server said of this timeline when it refused it: they pin like
 * validateScript's own problems, so the entry is marked and Submit waits for an edit.
 */
export function checkTimeline(
  timeline: Timeline,
  refusals: readonly Refusal[] = [],
): TimelineCheck {
  const script = timelineToScript(timeline);
  const ids = entryIdsInScriptOrder(timeline);
  // An interaction the video never shows is held back like a broken rule: the API would take
  // it, but the creator would get a video without the prompt they placed.
  const found = [...validateScript(script), ...unseenInteractions(script)];
  const problems: PinnedProblem[] = found.map((problem) => ({
    ...problem,
    entryId: problem.index === null ? null : (ids[problem.index] ?? null),
  }));
  for (const refusal of refusals) {
    const index = ids.indexOf(refusal.entryId);
    if (index === -1) continue;
    problems.push({
      index,
      field: null,
      code: "refused",
      message: refusal.message,
      entryId: refusal.entryId,
    });
  }
  const clipOf = new Map<string, string>();
  if (problems.some((p) => p.entryId !== null)) {
    for (const clip of timeline.clips) {
      clipOf.set(clip.start.id, clip.id);
      clipOf.set(clip.end.id, clip.id);
      for (const i of clip.interactions) clipOf.set(i.id, clip.id);
    }
  }
  const problemsByClip = new Map<string, ClipProblem[]>();
  for (const problem of problems) {
    if (problem.entryId === null) continue;
    const clipId = clipOf.get(problem.entryId);
    if (clipId === undefined) continue;
    const list = problemsByClip.get(clipId) ?? [];
    list.push({ entryId: problem.entryId, message: problem.message });
    problemsByClip.set(clipId, list);
  }
  return { script, problems, problemsByClip };
}

function sameProblems(a: readonly ClipProblem[], b: readonly ClipProblem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.entryId === b[i]?.entryId && p.message === b[i]?.message)
  );
}

/**
 * `next` with each clip's list replaced by the one in `previous` when it says the same, so a
 * memoised clip whose problems did not change keeps the same prop and does not re-render.
 */
export function reuseUnchanged(
  previous: ReadonlyMap<string, readonly ClipProblem[]>,
  next: ReadonlyMap<string, readonly ClipProblem[]>,
): Map<string, readonly ClipProblem[]> {
  const stable = new Map<string, readonly ClipProblem[]>();
  for (const [clipId, list] of next) {
    const before = previous.get(clipId);
    stable.set(clipId, before && sameProblems(before, list) ? before : list);
  }
  return stable;
}
