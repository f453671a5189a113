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

export interface TimelineCheck {
  script: ScriptEntry[];
  problems: PinnedProblem[];
  /** Problems by entry id, as "id\tmessage" lines per clip id, for memoised clips. */
  issuesByClip: Map<string, string>;
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
  const lines = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.entryId === null) continue;
    const clipId = clipOf.get(problem.entryId);
    if (clipId === undefined) continue;
    const list = lines.get(clipId) ?? [];
    list.push(`${problem.entryId}\t${problem.message}`);
    lines.set(clipId, list);
  }
  const issuesByClip = new Map<string, string>();
  for (const [clipId, list] of lines) issuesByClip.set(clipId, list.join("\n"));
  return { script, problems, issuesByClip };
}
