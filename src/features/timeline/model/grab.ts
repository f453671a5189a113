// Which entry a press takes hold of where handles overlap on screen: a stream's end and the
// next stream's start when they touch, or entries a few milliseconds apart when zoomed out.
import { STILL_PX } from "./snap";
import { entryIdsInScriptOrder, type Timeline } from "./timeline";

/**
 * Of the entries under the pointer, the one the drag's direction asks for: the earliest when
 * it goes left, the latest when it goes right (ties in script order, so a stream's end comes
 * before the next stream's start at the same time). Nothing under the pointer lies ahead of
 * the one chosen to stop it, as an end stops at the next start, a start at its stream's first
 * interaction and an interaction at its stream's end. Null until the pointer has moved more
 * than `STILL_PX` sideways: the direction is not known yet.
 */
export function grabByDirection(
  timeline: Timeline,
  candidateIds: readonly string[],
  deltaPx: number,
): string | null {
  if (candidateIds.length === 1) return candidateIds[0] as string;
  if (Math.abs(deltaPx) <= STILL_PX) return null;
  const wanted = new Set(candidateIds);
  const ordered = entryIdsInScriptOrder(timeline).filter((id) => wanted.has(id));
  return (deltaPx < 0 ? ordered[0] : ordered.at(-1)) ?? null;
}

/**
 * The entries within `rangeMs` of `ms`: those whose handles may overlap one drawn at `ms`. The
 * pick-up asks the page which of them are under the pointer, rather than hit-testing the whole
 * page (`elementsFromPoint` took 8 ms of the pick-up with 1,000 entries drawn).
 */
export function entryIdsNear(timeline: Timeline, ms: number, rangeMs: number): string[] {
  const ids: string[] = [];
  const near = (at: number) => Math.abs(at - ms) <= rangeMs;
  for (const clip of timeline.clips) {
    if (clip.end.timestampMs < ms - rangeMs) continue;
    if (clip.start.timestampMs > ms + rangeMs) break;
    if (near(clip.start.timestampMs)) ids.push(clip.start.id);
    for (const interaction of clip.interactions) {
      if (near(interaction.timestampMs)) ids.push(interaction.id);
    }
    if (near(clip.end.timestampMs)) ids.push(clip.end.id);
  }
  return ids;
}
