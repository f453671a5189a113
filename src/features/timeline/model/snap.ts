// Where a dragged entry lands: snapped to a neighbouring entry or to the grid, then clamped by
// the rules, computed on every pointer move so the constraints hold during the drag. Snapping
// works in time: the pull of a target is a few pixels at the current zoom, so it shrinks as
// the timeline zooms out instead of swallowing whole seconds.
import type { Clip, Timeline } from "./timeline";
import {
  clipIndexOf,
  groupDeltaBounds,
  locateEntry,
  moveBounds,
  type MoveOptions,
} from "./operations";

export const GRID_CHOICES = [0, 100, 250, 500, 1000] as const;
export type GridMs = (typeof GRID_CHOICES)[number];

/** How near, on screen, the pointer must bring an entry to a target for it to snap. */
export const SNAP_PX = 6;
/** A pointer that ends this near where it was pressed has not moved: a drop there changes nothing. */
export const STILL_PX = 1;

export interface SnapOptions extends MoveOptions {
  /** 0 turns the grid off. */
  gridMs: number;
  /** Sorted times of other entries (and the playhead) to snap to. */
  targets?: readonly number[];
  /**
   * How close, in ms, the pointer must come to a target to snap to it; each target's reach is
   * further capped at half the gap to its nearest neighbouring target.
   */
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

/** The index of the first target at or after `ms`. */
function lowerBound(targets: readonly number[], ms: number): number {
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((targets[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far the target at `index` pulls: `radiusMs`, but never past halfway to a neighbour. */
export function reachOf(targets: readonly number[], index: number, radiusMs: number): number {
  const at = targets[index] as number;
  const before = targets[index - 1];
  const after = targets[index + 1];
  let reach = radiusMs;
  if (before !== undefined) reach = Math.min(reach, (at - before) / 2);
  if (after !== undefined) reach = Math.min(reach, (after - at) / 2);
  return reach;
}

/**
 * The target nearest to `ms` that reaches it (see `reachOf`), by binary search; `targets`
 * must be sorted and distinct.
 */
export function nearestTarget(
  targets: readonly number[],
  ms: number,
  radiusMs: number,
): number | null {
  const lo = lowerBound(targets, ms);
  let best: number | null = null;
  for (const index of [lo - 1, lo]) {
    const candidate = targets[index];
    if (candidate === undefined) continue;
    const distance = Math.abs(candidate - ms);
    if (
      distance <= reachOf(targets, index, radiusMs) &&
      (best === null || distance < Math.abs(best - ms))
    ) {
      best = candidate;
    }
  }
  return best;
}

/** `targets` with `ms` in its place, for an entry's own time to hold on to it. */
function withTarget(targets: readonly number[], ms: number): readonly number[] {
  const index = lowerBound(targets, ms);
  if (targets[index] === ms) return targets;
  return [...targets.slice(0, index), ms, ...targets.slice(index)];
}

export function snapToGrid(ms: number, gridMs: number): number {
  return gridMs > 0 ? Math.round(ms / gridMs) * gridMs : Math.round(ms);
}

/**
 * Where `id` (an entry, or a clip by its start) lands when dragged to `proposedMs`: a nearby
 * entry wins over the grid; a clip also snaps by its end. Where the entry is now counts as a
 * target too, so near its own time it stays put rather than jumping to a neighbour that the
 * radius would otherwise reach. The result is always allowed.
 */
export function constrainMove(
  timeline: Timeline,
  id: string,
  proposedMs: number,
  options: SnapOptions,
): ConstrainedTime {
  const bounds = moveBounds(timeline, id, options);
  const originMs = timeOf(timeline, id);
  if (!bounds || originMs === null)
    return { ms: Math.round(proposedMs), snappedTo: null, clamped: false };
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

  const byStart =
    threshold > 0 ? nearestTarget(withTarget(targets, originMs), proposedMs, threshold) : null;
  const byEnd =
    threshold > 0 && lengthMs !== null
      ? nearestTarget(withTarget(targets, originMs + lengthMs), proposedMs + lengthMs, threshold)
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
  // Holding on to its own time is staying put, not a snap worth pointing out.
  if (ms === originMs) snappedTo = null;
  const clampedMs = Math.round(Math.min(Math.max(ms, bounds.min), bounds.max));
  const clamped = clampedMs !== Math.round(ms);
  return { ms: clampedMs, snappedTo: clamped ? null : snappedTo, clamped };
}

/** How a drag has moved so far. */
export interface DragInput {
  /** How far the pointer is from where it was pressed, in pixels along the timeline. */
  deltaPx: number;
  pxPerMs: number;
  /**
   * Keyboard drags move in whole steps of the grid: every step counts, and no pixel radius
   * pulls at them, since at a low zoom it would swallow several steps.
   */
  byKeyboard?: boolean;
}

function stillAt(ms: number): ConstrainedTime {
  return { ms, snappedTo: null, clamped: false };
}

function isStill(drag: DragInput): boolean {
  return drag.byKeyboard ? drag.deltaPx === 0 : Math.abs(drag.deltaPx) <= STILL_PX;
}

/** Where one entry (or a clip, by its id) lands after `drag`: see `constrainMove`. */
export function dropEntry(
  timeline: Timeline,
  id: string,
  drag: DragInput,
  options: Omit<SnapOptions, "thresholdMs">,
): ConstrainedTime {
  const originMs = timeOf(timeline, id);
  if (originMs === null || isStill(drag)) return stillAt(originMs ?? 0);
  return constrainMove(timeline, id, originMs + drag.deltaPx / drag.pxPerMs, {
    ...options,
    thresholdMs: drag.byKeyboard ? 0 : SNAP_PX / drag.pxPerMs,
  });
}

/**
 * Where `anchorId`, dragged with the rest of `ids`, lands: on the grid, then held back so every
 * entry of the group stays allowed. Groups snap to the grid only.
 */
export function dropGroup(
  timeline: Timeline,
  ids: readonly string[],
  anchorId: string,
  drag: DragInput,
  options: { gridMs: number; ripple?: boolean },
): ConstrainedTime {
  const originMs = timeOf(timeline, anchorId) ?? 0;
  if (isStill(drag)) return stillAt(originMs);
  const proposed = originMs + drag.deltaPx / drag.pxPerMs;
  const bounds = groupDeltaBounds(timeline, ids, { ripple: options.ripple ?? false });
  const delta = snapToGrid(proposed, options.gridMs) - originMs;
  const clampedDelta = Math.min(Math.max(delta, bounds.min), bounds.max);
  return {
    ms: originMs + clampedDelta,
    snappedTo: options.gridMs > 0 && clampedDelta === delta ? "grid" : null,
    clamped: clampedDelta !== delta,
  };
}

/** The time an entry or clip (by its start) is at now. */
export function timeOf(timeline: Timeline, id: string): number | null {
  const clipIndex = clipIndexOf(timeline, id);
  if (clipIndex !== -1) return (timeline.clips[clipIndex] as Clip).start.timestampMs;
  return locateEntry(timeline, id)?.timestampMs ?? null;
}
