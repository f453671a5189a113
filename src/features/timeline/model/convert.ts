// The two conversions between the editing model and the wire format. They are exact inverses
// for every valid script, which is what lets import -> export reproduce a file byte for byte.
import type { ScriptEntry } from "../../../contract/script";
import { type Clip, createId, type Timeline } from "./timeline";

export function timelineToScript(timeline: Timeline): ScriptEntry[] {
  const script: ScriptEntry[] = [];
  for (const clip of timeline.clips) {
    const start: NonNullable<ScriptEntry["start"]> = { prompt: clip.start.prompt };
    if (clip.start.image !== undefined) start.image = clip.start.image;
    script.push({ timestamp_ms: clip.start.timestampMs, start });
    for (const interaction of clip.interactions) {
      script.push({
        timestamp_ms: interaction.timestampMs,
        interact: { prompt: interaction.prompt },
      });
    }
    script.push({ timestamp_ms: clip.end.timestampMs, end: {} });
  }
  return script;
}

/**
 * For scripts that passed `validateScript`. Ids come from `makeId`, in script order, so a
 * deterministic generator gives a deterministic timeline.
 */
export function scriptToTimeline(
  entries: readonly ScriptEntry[],
  options: { portrait: boolean; makeId?: () => string },
): Timeline {
  const makeId = options.makeId ?? createId;
  const clips: Clip[] = [];
  let open: Omit<Clip, "end"> | null = null;
  for (const entry of entries) {
    if (entry.start) {
      const id = makeId();
      open = {
        id,
        start: {
          id: makeId(),
          timestampMs: entry.timestamp_ms,
          prompt: entry.start.prompt,
          ...(entry.start.image !== undefined && { image: entry.start.image }),
        },
        interactions: [],
      };
    } else if (entry.interact && open) {
      open.interactions.push({
        id: makeId(),
        timestampMs: entry.timestamp_ms,
        prompt: entry.interact.prompt,
      });
    } else if (entry.end && open) {
      clips.push({ ...open, end: { id: makeId(), timestampMs: entry.timestamp_ms } });
      open = null;
    }
  }
  return { portrait: options.portrait, clips };
}
