// Which clips the timeline mounts: a window around what is on screen, plus the selected ones.
import type { Clip } from "./timeline";

/** Clip ids of the selected entries, so they stay mounted (and focusable) when scrolled away. */
export function selectedClips(clips: readonly Clip[], selection: readonly string[]): string[] {
  if (selection.length === 0) return [];
  const wanted = new Set(selection);
  return clips
    .filter(
      (c) =>
        wanted.has(c.id) ||
        wanted.has(c.start.id) ||
        wanted.has(c.end.id) ||
        c.interactions.some((i) => wanted.has(i.id)),
    )
    .map((c) => c.id);
}

/**
 * The clips to mount: those within a few screen widths of the visible part, plus the selected
 * ones. A long script keeps a few dozen clips in the DOM, so starting or ending a drag (which
 * re-renders every draggable) stays well inside a frame. The range moves in whole-screen steps
 * so scrolling does not re-render on every frame.
 */
export function visibleClips(
  clips: readonly Clip[],
  leftPx: number,
  widthPx: number,
  pxPerMs: number,
  keep: readonly string[],
): { clip: Clip; index: number }[] {
  const step = Math.max(widthPx, 400);
  const fromMs = ((Math.floor(leftPx / step) - 2) * step) / pxPerMs;
  const toMs = ((Math.floor(leftPx / step) + 4) * step) / pxPerMs;
  let lo = 0;
  let hi = clips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((clips[mid] as Clip).end.timestampMs < fromMs) lo = mid + 1;
    else hi = mid;
  }
  const shown: { clip: Clip; index: number }[] = [];
  const kept = new Set(keep);
  for (let index = 0; index < clips.length; index++) {
    const clip = clips[index] as Clip;
    const inRange = index >= lo && clip.start.timestampMs <= toMs;
    if (inRange || kept.has(clip.id)) shown.push({ clip, index });
    if (!inRange && index >= lo && kept.size === 0) break;
  }
  return shown;
}
