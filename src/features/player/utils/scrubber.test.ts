import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamMarker } from "../../../contract/events";
import {
  markerLabel,
  lastFrameStartMs,
  markerSeen,
  markerShowingAt,
  percentAt,
  seekTargetForKey,
  seekValueText,
  timeAtPointer,
  tooltipAlign,
} from "./scrubber";

const start: StreamMarker = { kind: "start", atMs: 0, showMs: 0, prompt: "a city" };
const rain: StreamMarker = { kind: "interact", atMs: 2500, showMs: 2520, prompt: "rain falls" };
const snow: StreamMarker = { kind: "interact", atMs: 4000, showMs: 4000, prompt: "" };

describe("marker positions", () => {
  it("places a time on the bar in percent of the duration", () => {
    expect(percentAt(2500, 10_000)).toBe(25);
    expect(percentAt(0, 10_000)).toBe(0);
    expect(percentAt(10_000, 10_000)).toBe(100);
  });

  it("keeps markers on the bar even when the file and the video disagree", () => {
    expect(percentAt(12_000, 10_000)).toBe(100);
    expect(percentAt(-5, 10_000)).toBe(0);
    expect(percentAt(2500, 0)).toBe(0);
    expect(percentAt(2500, Number.NaN)).toBe(0);
  });

  it("reads a pointer back to the time it points at", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (durationMs, fraction) => {
          const ms = fraction * durationMs;
          const x = 40 + (percentAt(ms, durationMs) / 100) * 800;
          expect(timeAtPointer(x, 40, 800, durationMs)).toBeCloseTo(ms, 6);
        },
      ),
    );
    expect(timeAtPointer(0, 40, 800, 9000)).toBe(0);
    expect(timeAtPointer(2000, 40, 800, 9000)).toBe(9000);
  });

  it("hangs tooltips near the ends inward", () => {
    expect(tooltipAlign(2)).toBe("start");
    expect(tooltipAlign(50)).toBe("center");
    expect(tooltipAlign(99)).toBe("end");
  });
});

describe("seekTargetForKey", () => {
  it("steps one frame with the arrows, snapping to the frame grid", () => {
    expect(seekTargetForKey("ArrowRight", false, 2500, 9000)).toBe(2520);
    expect(seekTargetForKey("ArrowLeft", false, 2500, 9000)).toBe(2480);
    expect(seekTargetForKey("ArrowRight", false, 2520, 9000)).toBe(2560);
    expect(seekTargetForKey("ArrowLeft", false, 2520.0000001, 9000)).toBe(2480);
    expect(seekTargetForKey("ArrowUp", false, 0, 9000, 50)).toBe(20);
  });

  it("steps a second with Shift or the Page keys, and jumps with Home and End", () => {
    expect(seekTargetForKey("ArrowRight", true, 2500, 9000)).toBe(3500);
    expect(seekTargetForKey("PageDown", false, 2500, 9000)).toBe(1500);
    expect(seekTargetForKey("Home", false, 2500, 9000)).toBe(0);
    expect(seekTargetForKey("End", false, 2500, 9000)).toBe(9000);
  });

  it("stays within the video and ignores other keys", () => {
    expect(seekTargetForKey("ArrowLeft", true, 300, 9000)).toBe(0);
    expect(seekTargetForKey("PageUp", false, 8800, 9000)).toBe(9000);
    expect(seekTargetForKey(" ", false, 2500, 9000)).toBeNull();
  });
});

describe("names", () => {
  it("says of a marker the video never shows that it is never on screen", () => {
    expect(markerLabel({ ...rain, atMs: 6000, showMs: 6000 }, false)).toBe(
      "Interaction at 6.00 s, never on screen: rain falls",
    );
  });

  it("names markers with their kind, time and prompt", () => {
    expect(markerLabel(rain)).toBe("Interaction at 2.50 s: rain falls");
    expect(markerLabel(start)).toBe("Start at 0.00 s: a city");
    expect(markerLabel(snow)).toBe("Interaction at 4.00 s");
  });

  it("reads the seek position as time of duration", () => {
    expect(seekValueText(2500, 9000)).toBe("2.50 s of 9.00 s");
    expect(seekValueText(2500, null)).toBe("2.50 s");
  });
});

describe("markerShowingAt", () => {
  const markers = [start, rain, snow];
  it("finds the prompt on screen, from the frame it first shows on", () => {
    expect(markerShowingAt(markers, 0, 9000)).toBe(start);
    expect(markerShowingAt(markers, 2500, 9000)).toBe(start);
    expect(markerShowingAt(markers, 2520, 9000)).toBe(rain);
    expect(markerShowingAt(markers, 3999.9, 9000)).toBe(snow);
    expect(markerShowingAt(markers, 9000, 9000)).toBe(snow);
    expect(markerShowingAt([rain], 100, 9000)).toBeNull();
    expect(markerShowingAt(markers, 9000, null)).toBe(snow);
  });

  // A 6 s video of 150 frames, as the local engine writes one with an interaction at its end:
  // the events file puts that interaction on frame 150, which the video does not have.
  const atEnd: StreamMarker = { kind: "interact", atMs: 6000, showMs: 6000, prompt: "dusk" };
  const lastFrame: StreamMarker = { kind: "interact", atMs: 5960, showMs: 5960, prompt: "fog" };
  const between: StreamMarker = { kind: "interact", atMs: 5990, showMs: 5990, prompt: "hail" };

  it("never names a prompt the video ends before showing, even at its very end", () => {
    expect(markerShowingAt([start, atEnd], 6000, 6000)).toBe(start);
    expect(markerShowingAt([start, atEnd], 7000, 6000)).toBe(start);
    expect(markerShowingAt([start, lastFrame, atEnd], 6000, 6000)).toBe(lastFrame);
    // No frame starts between 5.96 s and the end: a prompt timed in there is never seen.
    expect(markerShowingAt([start, between], 6000, 6000)).toBe(start);
  });

  it("counts a prompt on the last frame as seen, whatever the container rounds the length to", () => {
    expect(markerShowingAt([start, lastFrame], 5960, 6000)).toBe(lastFrame);
    expect(markerShowingAt([start, lastFrame], 5999, 5999.4)).toBe(lastFrame);
    expect(markerShowingAt([start, lastFrame], 6000, 6000.6)).toBe(lastFrame);
    expect(markerSeen(lastFrame, 6000)).toBe(true);
    expect(markerSeen(atEnd, 6000)).toBe(false);
    expect(markerSeen(atEnd, null)).toBe(true);
  });

  it("finds the last frame from the length and the frame rate", () => {
    expect(lastFrameStartMs(6000)).toBe(5960);
    expect(lastFrameStartMs(6000, 50)).toBe(5980);
    expect(lastFrameStartMs(1600.2)).toBe(1560);
    expect(lastFrameStartMs(null)).toBeNull();
    expect(lastFrameStartMs(0)).toBeNull();
    // A nonsense rate falls back to the API's 25 fps rather than calling every frame the last.
    expect(lastFrameStartMs(6000, 1e-300)).toBe(5960);
  });

  it("on any video, names only a prompt some frame shows, and the latest such", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.array(fc.integer({ min: 0, max: 3100 }), { maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (frames, frameIndexes, fraction) => {
          const durationMs = frames * 40;
          const list = frameIndexes
            .map((f) => f * 40)
            .sort((a, b) => a - b)
            .map((ms): StreamMarker => ({ kind: "interact", atMs: ms, showMs: ms, prompt: "p" }));
          const ms = fraction * durationMs;
          const showing = markerShowingAt(list, ms, durationMs);
          // The frame on screen at `ms`, and the prompts it can show: those of frames before.
          const frameOnScreen = Math.min(Math.floor(ms / 40), frames - 1);
          const shown = list.filter((m) => m.showMs / 40 <= frameOnScreen);
          expect(showing).toBe(shown.at(-1) ?? null);
        },
      ),
    );
  });
});
