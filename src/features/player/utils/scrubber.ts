// The seek bar's arithmetic: where markers sit, what a key moves to, what each control is named.
import type { StreamMarker } from "../../../contract/events";
import { formatSeconds } from "../../../contract/format";

/** The Simulate API's frame cadence, for files that do not say theirs. */
export const DEFAULT_FPS = 25;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Left offset of a time on the bar, in percent; 0 when the duration is not known yet. */
export function percentAt(ms: number, durationMs: number): number {
  if (!(durationMs > 0) || !Number.isFinite(ms)) return 0;
  return clamp((ms / durationMs) * 100, 0, 100);
}

/** The time under a pointer at `x` on a bar spanning `left`..`left + width`. */
export function timeAtPointer(x: number, left: number, width: number, durationMs: number): number {
  if (!(width > 0) || !(durationMs > 0)) return 0;
  return clamp(((x - left) / width) * durationMs, 0, durationMs);
}

/**
 * Where a key moves the playhead, or null for keys the bar leaves alone. Arrows step one frame,
 * to find the exact frame a prompt lands on; Shift or the Page keys step a second.
 */
export function seekTargetForKey(
  key: string,
  shift: boolean,
  currentMs: number,
  durationMs: number,
  fps: number = DEFAULT_FPS,
): number | null {
  const frameMs = 1000 / fps;
  // Frame steps land on the next or previous frame's start, so a creator can walk exactly
  // the frames the video has, even from a time between two of them.
  const frame = currentMs / frameMs;
  const nextFrameMs = (Math.floor(frame + 1e-6) + 1) * frameMs;
  const previousFrameMs = (Math.ceil(frame - 1e-6) - 1) * frameMs;
  let target: number;
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      target = shift ? currentMs + 1000 : nextFrameMs;
      break;
    case "ArrowLeft":
    case "ArrowDown":
      target = shift ? currentMs - 1000 : previousFrameMs;
      break;
    case "PageUp":
      target = currentMs + 1000;
      break;
    case "PageDown":
      target = currentMs - 1000;
      break;
    case "Home":
      return 0;
    case "End":
      return durationMs;
    default:
      return null;
  }
  return clamp(target, 0, durationMs);
}

export function seekValueText(currentMs: number, durationMs: number | null): string {
  return durationMs === null
    ? formatSeconds(currentMs)
    : `${formatSeconds(currentMs)} of ${formatSeconds(durationMs)}`;
}

/** The marker's accessible name, e.g. "Interaction at 2.50 s: rain falls". */
export function markerLabel(marker: StreamMarker): string {
  const what = marker.kind === "start" ? "Start" : "Interaction";
  const at = `${what} at ${formatSeconds(marker.atMs)}`;
  return marker.prompt ? `${at}: ${marker.prompt}` : at;
}

/** The marker whose prompt is on screen at `ms`: the last one to have shown by then. */
export function markerShowingAt(markers: readonly StreamMarker[], ms: number): StreamMarker | null {
  let showing: StreamMarker | null = null;
  for (const marker of markers) {
    // Half a millisecond of slack: a seek to a marker lands on a float near its time.
    if (marker.showMs <= ms + 0.5) showing = marker;
  }
  return showing;
}

/** How a marker's tooltip hangs, so one near either end stays inside the player. */
export function tooltipAlign(percent: number): "start" | "center" | "end" {
  if (percent < 15) return "start";
  if (percent > 85) return "end";
  return "center";
}
