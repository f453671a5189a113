// Where a dragged entry lands: snapped to a neighbouring entry or to the grid, then clamped by
// the rules, computed on every pointer move so the constraints hold during the drag.
import type { Clip, Timeline } from "./timeline";
import { clipIndexOf, locateEntry, moveBounds, type MoveOptions } from "./operations";

export const GRID_CHOICES = [0, 100, 250, 500, 1000] as const;
export type GridMs = (typeof GRID_CHOICES)[number];

export interface SnapOptions extends MoveOptions {
  /** 0 turns the grid off. */
  gridMs: number;
  /** Sorted times of other entries (and the playhead) to snap to. */
  targets?: readonly number[];
  /** How close, in ms, the pointer must come to a target to snap to it. */
  thresholdMs?: number;
}

export interface ConstrainedTime {
  ms: number;
  /** What the time snapped to, for the drag overlay to say. */
  snappedTo: "entry" | "grid" | null;
  /** True when a rule stopped the entry short of where it was dragged. */
  clamped: boolean;
}

/** The time of every entry but those of `movingIds`, sorted, with duplicates removed. */
export function snapTargets(
  timeline: Timeline,
  movingIds: ReadonlySet<string>,
  extra: number[] = [],
): number[] {
  const times = new Set<number>(extra);
  for (const clip of timeline.clips) {
    const whole = movingIds.has(clip.id);
    if (!whole && !movingIds.has(clip.start.id)) times.add(clip.start.timestampMs);
    for (const i of clip.interactions) if (!whole && !movingIds.has(i.id)) times.add(i.timestampMs);
    if (!whole && !movingIds.has(clip.end.id)) times.add(clip.end.timestampMs);
  }
  return [...times].sort((a, b) => a - b);
}

/** The target nearest to `ms` within `thresholdMs`, by binary search. */
export function nearestTarget(
  targets: readonly number[],
  ms: number,
  thresholdMs: number,
): number | null {
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((targets[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  for (const candidate of [targets[lo - 1], targets[lo]]) {
    if (candidate === undefined) continue;
    const distance = Math.abs(candidate - ms);
    if (distance <= thresholdMs && (best === null || distance < Math.abs(best - ms)))
      best = candidate;
  }
  return best;
}

export function snapToGrid(ms: number, gridMs: number): number {
  return gridMs > 0 ? Math.round(ms / gridMs) * gridMs : Math.round(ms);
}

/**
 * Where `id` (an entry, or a clip by its start) lands when dragged to `proposedMs`: a nearby
 * entry wins over the grid; a clip also snaps by its end. The result is always allowed.
 */
export function constrainMove(
  timeline: Timeline,
  id: string,
  proposedMs: number,
  options: SnapOptions,
): ConstrainedTime {
  const bounds = moveBounds(timeline, id, options);
  if (!bounds) return { ms: Math.round(proposedMs), snappedTo: null, clamped: false };
  const threshold = options.thresholdMs ?? 0;
  const targets = options.targets ?? [];
  let ms = proposedMs;
  let snappedTo: ConstrainedTime["snappedTo"] = null;

  const clipIndex = clipIndexOf(timeline, id);
  const lengthMs =
    clipIndex === -1
      ? null
      : (timeline.clips[clipIndex] as Clip).end.timestampMs -
        (timeline.clips[clipIndex] as Clip).start.timestampMs;

  const byStart = threshold > 0 ? nearestTarget(targets, proposedMs, threshold) : null;
  const byEnd =
    threshold > 0 && lengthMs !== null
      ? nearestTarget(targets, proposedMs + lengthMs, threshold)
      : null;
  const startDistance = byStart === null ? Infinity : Math.abs(byStart - proposedMs);
  const endDistance =
    byEnd === null || lengthMs === null ? Infinity : Math.abs(byEnd - lengthMs - proposedMs);
  if (startDistance <= endDistance && byStart !== null) {
    ms = byStart;
    snappedTo = "entry";
  } else if (byEnd !== null && lengthMs !== null) {
    ms = byEnd - lengthMs;
    snappedTo = "entry";
  } else if (options.gridMs > 0) {
    ms = snapToGrid(proposedMs, options.gridMs);
    snappedTo = "grid";
  }
  const clampedMs = Math.round(Math.min(Math.max(ms, bounds.min), bounds.max));
  const clamped = clampedMs !== Math.round(ms);
  return { ms: clampedMs, snappedTo: clamped ? null : snappedTo, clamped };
}

/** The time an entry or clip (by its start) is at now. */
export function timeOf(timeline: Timeline, id: string): number | null {
  const clipIndex = clipIndexOf(timeline, id);
  if (clipIndex !== -1) return (timeline.clips[clipIndex] as Clip).start.timestampMs;
  return locateEntry(timeline, id)?.timestampMs ?? null;
}
