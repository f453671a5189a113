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

/**
 * The marker's accessible name, e.g. "Interaction at 2.50 s: rain falls", or "Interaction at
 * 6.00 s, never on screen: rain falls" for one the video ends before showing.
 */
export function markerLabel(marker: StreamMarker, seen = true): string {
  const what = marker.kind === "start" ? "Start" : "Interaction";
  const at = `${what} at ${formatSeconds(marker.atMs)}${seen ? "" : ", never on screen"}`;
  return marker.prompt ? `${at}: ${marker.prompt}` : at;
}

/**
 * When the video's last frame starts, or null while its length is not known. The length is
 * rounded to whole frames, as the video's own may be a little off in its container.
 */
export function lastFrameStartMs(
  durationMs: number | null,
  fps: number = DEFAULT_FPS,
): number | null {
  if (durationMs === null || !(durationMs > 0)) return null;
  // A rate giving no frame within the video (1e-300 fps) is nonsense, not a one-frame video.
  const given = 1000 / fps;
  const frameMs = given > 0 && given <= durationMs ? given : 1000 / DEFAULT_FPS;
  return Math.max(0, (Math.round(durationMs / frameMs) - 1) * frameMs);
}

/**
 * Whether a frame of the video shows the marker's prompt: a prompt that takes effect after the
 * last frame has started (an interaction at a stream's very end) never appears. While the
 * length is not known, every marker counts as seen.
 */
export function markerSeen(
  marker: StreamMarker,
  durationMs: number | null,
  fps: number = DEFAULT_FPS,
): boolean {
  const lastMs = lastFrameStartMs(durationMs, fps);
  // Half a millisecond of slack: frame times in the events file are floats.
  return lastMs === null || marker.showMs <= lastMs + 0.5;
}

/**
 * The marker whose prompt is on screen at `ms`: the last one to have shown by then, of those
 * the video shows at all (given its length; without one, of all of them).
 */
export function markerShowingAt(
  markers: readonly StreamMarker[],
  ms: number,
  durationMs: number | null,
  fps: number = DEFAULT_FPS,
): StreamMarker | null {
  let showing: StreamMarker | null = null;
  for (const marker of markers) {
    // Half a millisecond of slack: a seek to a marker lands on a float near its time.
    if (marker.showMs <= ms + 0.5 && markerSeen(marker, durationMs, fps)) showing = marker;
  }
  return showing;
}

/** How a marker's tooltip hangs, so one near either end stays inside the player. */
export function tooltipAlign(percent: number): "start" | "center" | "end" {
  if (percent < 15) return "start";
  if (percent > 85) return "end";
  return "center";
}
