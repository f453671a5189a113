// The studio's editing model of a script. The document types are shared with the drafts
// feature, so they live in src/lib/draft; the timeline's own helpers are below.
import type { Timeline } from "../../../lib/draft/document";

export type {
  Clip,
  DraftData,
  EndEntry,
  InteractionEntry,
  StartEntry,
  Timeline,
} from "../../../lib/draft/document";
export { createId, emptyTimeline } from "../../../lib/draft/document";

export type EntryKind = "start" | "interact" | "end";

/**
 * Entry ids in the order `timelineToScript` emits their entries, so a problem that
 * `validateScript` reports by script index can be pinned on its timeline entry.
 */
export function entryIdsInScriptOrder(timeline: Timeline): string[] {
  const ids: string[] = [];
  for (const clip of timeline.clips) {
    ids.push(clip.start.id);
    for (const interaction of clip.interactions) ids.push(interaction.id);
    ids.push(clip.end.id);
  }
  return ids;
}
