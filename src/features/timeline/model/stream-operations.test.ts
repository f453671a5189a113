// The NLE stream operations (duplicate in place, split, ripple delete, reorder, duration), by
// example and as properties over any valid timeline.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_STREAM_MS } from "../../../contract/script";
import { unseenInteractions, validateScript } from "../../../contract/validate-script";
import { timelineArb } from "../../../test/arbitraries";
import { timelineToScript } from "./convert";
import {
  clipToSplitAt,
  duplicateStream,
  reorderIndexAt,
  reorderStream,
  rippleDeleteEntries,
  setStreamDuration,
  setStreamLook,
  splitClipAt,
} from "./operations";
import { promptAt } from "./prompt-at";
import type { Clip, Timeline } from "./timeline";

const base: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city", image: "data:image/png;base64,AA==" },
      interactions: [
        { id: "i1", timestampMs: 3000, prompt: "rain" },
        { id: "i2", timestampMs: 6000, prompt: "night" },
      ],
      end: { id: "e1", timestampMs: 9000 },
    },
    {
      id: "c2",
      start: { id: "s2", timestampMs: 10_000, prompt: "a beach" },
      interactions: [],
      end: { id: "e2", timestampMs: 14_000 },
    },
  ],
};

function counter(prefix = "n") {
  let next = 0;
  return () => `${prefix}${next++}`;
}

const span = (clip: Clip | undefined) => [clip?.start.timestampMs, clip?.end.timestampMs];

function expectValid(timeline: Timeline) {
  if (timeline.clips.length === 0) return;
  const script = timelineToScript(timeline);
  expect(validateScript(script).filter((p) => p.code !== "too-many-entries")).toEqual([]);
  expect(unseenInteractions(script)).toEqual([]);
}

describe("duplicateStream", () => {
  it("places the copy right after the stream and ripples the later ones", () => {
    const { timeline, startId } = duplicateStream(base, "c1", counter("x"));
    expect(timeline.clips.map((c) => c.start.prompt)).toEqual(["a city", "a city", "a beach"]);
    expect(span(timeline.clips[1])).toEqual([9000, 18_000]);
    expect(timeline.clips[1]?.interactions.map((i) => i.timestampMs)).toEqual([12_000, 15_000]);
    expect(timeline.clips[1]?.start.id).toBe(startId);
    expect(span(timeline.clips[2])).toEqual([19_000, 23_000]);
    expect(timeline.clips[0]).toBe(base.clips[0]);
  });
});

describe("splitClipAt", () => {
  it("starts a new stream at the cut with the prompt in force there", () => {
    const split = splitClipAt(base, 4500, { clip: "c3", start: "s3", end: "e3" });
    expect(split.clips.map((c) => c.id)).toEqual(["c1", "c3", "c2"]);
    expect(span(split.clips[0])).toEqual([0, 4500]);
    expect(split.clips[0]?.interactions.map((i) => i.id)).toEqual(["i1"]);
    expect(split.clips[0]?.start.image).toBeDefined();
    expect(split.clips[1]?.start).toEqual({ id: "s3", timestampMs: 4500, prompt: "rain" });
    expect(split.clips[1]?.interactions.map((i) => i.id)).toEqual(["i2"]);
    expect(span(split.clips[1])).toEqual([4500, 9000]);
  });

  it("turns an interaction at the cut into the new start", () => {
    const split = splitClipAt(base, 6000, { clip: "c3", start: "s3", end: "e3" });
    expect(split.clips[1]?.start.prompt).toBe("night");
    expect(split.clips[1]?.interactions).toEqual([]);
  });

  it("refuses a cut that leaves a part shorter than a stream may be", () => {
    expect(clipToSplitAt(base, MIN_STREAM_MS - 1)).toBeNull();
    expect(clipToSplitAt(base, 9000 - MIN_STREAM_MS + 1)).toBeNull();
    expect(clipToSplitAt(base, 9500)).toBeNull();
    expect(splitClipAt(base, 500, { clip: "c3", start: "s3", end: "e3" })).toBe(base);
  });
});

describe("rippleDeleteEntries", () => {
  it("closes the time a deleted stream held", () => {
    const after = rippleDeleteEntries(base, ["s1"]);
    expect(after.clips.map((c) => c.id)).toEqual(["c2"]);
    expect(span(after.clips[0])).toEqual([1000, 5000]);
  });

  it("removes an interaction without moving anything", () => {
    const after = rippleDeleteEntries(base, ["i1"]);
    expect(after.clips[0]?.interactions.map((i) => i.id)).toEqual(["i2"]);
    expect(after.clips[1]).toBe(base.clips[1]);
  });
});

describe("reorderStream", () => {
  it("swaps two streams over the same stretch, gaps kept in place", () => {
    const after = reorderStream(base, "c2", 0);
    expect(after.clips.map((c) => c.id)).toEqual(["c2", "c1"]);
    expect(span(after.clips[0])).toEqual([0, 4000]);
    expect(span(after.clips[1])).toEqual([5000, 14_000]);
    expect(after.clips[1]?.interactions.map((i) => i.timestampMs)).toEqual([8000, 11_000]);
  });

  it("finds the new place from where a dragged stream's middle lands", () => {
    expect(reorderIndexAt(base, "c1", 0)).toBe(0);
    // c1 is 9 s long: starting at 8 s its middle (12.5 s) is past c2's (12 s).
    expect(reorderIndexAt(base, "c1", 8000)).toBe(1);
    expect(reorderIndexAt(base, "c2", 0)).toBe(0);
  });
});

describe("setStreamDuration and setStreamLook", () => {
  it("sets a length within the rules", () => {
    expect(span(setStreamDuration(base, "c2", 2000).clips[1])).toEqual([10_000, 12_000]);
    // The next stream is in the way: kept at the most there is room for.
    expect(span(setStreamDuration(base, "c1", 20_000).clips[0])).toEqual([0, 10_000]);
    expect(span(setStreamDuration(base, "c2", 10).clips[1])).toEqual([10_000, 11_000]);
  });

  it("names and colours a stream, and an empty value clears it", () => {
    const named = setStreamLook(base, "c1", { name: "Opening", color: "#f59e0b" });
    expect(named.clips[0]?.start).toMatchObject({ name: "Opening", color: "#f59e0b" });
    const cleared = setStreamLook(named, "c1", { name: "" });
    expect(cleared.clips[0]?.start.name).toBeUndefined();
    expect(cleared.clips[0]?.start.color).toBe("#f59e0b");
    expect(setStreamLook(cleared, "c1", { color: "#f59e0b" })).toBe(cleared);
  });
});

describe("properties", () => {
  const withClip = fc
    .tuple(timelineArb, fc.nat(), fc.nat())
    .filter(([t]) => t.clips.length > 0)
    .map(([timeline, n, m]) => ({
      timeline,
      clip: timeline.clips[n % timeline.clips.length] as Clip,
      other: m % timeline.clips.length,
    }));

  it("a duplicate keeps the script valid, follows its original and shifts only later streams", () => {
    fc.assert(
      fc.property(withClip, ({ timeline, clip }) => {
        const index = timeline.clips.indexOf(clip);
        const length = clip.end.timestampMs - clip.start.timestampMs;
        const { timeline: after } = duplicateStream(timeline, clip.id, counter("x"));
        expectValid(after);
        expect(after.clips).toHaveLength(timeline.clips.length + 1);
        const copy = after.clips[index + 1] as Clip;
        expect(copy.start.timestampMs).toBe(clip.end.timestampMs);
        expect(copy.interactions.map((i) => i.prompt)).toEqual(
          clip.interactions.map((i) => i.prompt),
        );
        timeline.clips.forEach((c, i) => {
          const moved = after.clips[i > index ? i + 1 : i] as Clip;
          expect(moved.start.timestampMs - c.start.timestampMs).toBe(i > index ? length : 0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("a split keeps the script valid and the prompt in force at every moment", () => {
    fc.assert(
      fc.property(withClip, fc.double({ min: 0, max: 1, noNaN: true }), ({ timeline, clip }, f) => {
        // From the first interaction on where there is one, so the prompt in force is often
        // an interaction's.
        const from = clip.interactions[0]?.timestampMs ?? clip.start.timestampMs;
        const at = Math.round(from + f * (clip.end.timestampMs - from));
        const after = splitClipAt(timeline, at, { clip: "n-c", start: "n-s", end: "n-e" });
        if (!clipToSplitAt(timeline, at)) {
          expect(after).toBe(timeline);
          return;
        }
        expectValid(after);
        expect(after.clips).toHaveLength(timeline.clips.length + 1);
        expect(promptAt(after, at)?.prompt).toBe(promptAt(timeline, at)?.prompt);
        expect(timelineEnd(after)).toBe(timelineEnd(timeline));
      }),
      { numRuns: 400 },
    );
  });

  it("a ripple delete keeps the script valid and pulls later streams back by what it removed", () => {
    fc.assert(
      fc.property(withClip, ({ timeline, clip }) => {
        const index = timeline.clips.indexOf(clip);
        const length = clip.end.timestampMs - clip.start.timestampMs;
        const after = rippleDeleteEntries(timeline, [clip.start.id]);
        expectValid(after);
        timeline.clips.forEach((c, i) => {
          if (i === index) return;
          const moved = after.clips[i > index ? i - 1 : i] as Clip;
          expect(c.start.timestampMs - moved.start.timestampMs).toBe(i > index ? length : 0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("a reorder keeps the script valid, the streams' lengths and everything outside its stretch", () => {
    fc.assert(
      fc.property(withClip, ({ timeline, clip, other }) => {
        const from = timeline.clips.indexOf(clip);
        const after = reorderStream(timeline, clip.id, other);
        expectValid(after);
        expect(after.clips[other]?.id).toBe(clip.id);
        expect(after.clips.map((c) => c.id).sort()).toEqual(timeline.clips.map((c) => c.id).sort());
        for (const moved of after.clips) {
          const was = timeline.clips.find((c) => c.id === moved.id) as Clip;
          expect(moved.end.timestampMs - moved.start.timestampMs).toBe(
            was.end.timestampMs - was.start.timestampMs,
          );
        }
        timeline.clips.forEach((c, i) => {
          if (i < Math.min(from, other) || i > Math.max(from, other)) {
            expect(after.clips[i]).toBe(c);
          }
        });
        // The stretch ends where it did: the gaps stay inside it.
        const last = Math.max(from, other);
        expect(after.clips[last]?.end.timestampMs).toBe(timeline.clips[last]?.end.timestampMs);
      }),
      { numRuns: 200 },
    );
  });

  it("a duration keeps the script valid", () => {
    fc.assert(
      fc.property(withClip, fc.integer({ min: -1000, max: 90_000 }), ({ timeline, clip }, ms) => {
        expectValid(setStreamDuration(timeline, clip.id, ms));
        expectValid(setStreamDuration(timeline, clip.id, ms, { ripple: true }));
      }),
      { numRuns: 200 },
    );
  });
});

function timelineEnd(timeline: Timeline) {
  return timeline.clips.at(-1)?.end.timestampMs ?? 0;
}
