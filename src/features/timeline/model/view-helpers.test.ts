import { describe, expect, it } from "vitest";
import { checkTimeline, reuseUnchanged } from "./problems";
import { promptAt } from "./prompt-at";
import { formatRulerTime, rulerStep } from "./ruler";
import type { Timeline } from "./timeline";

const timeline: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city", image: "data:image/png;base64,AAAA" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "" }],
      end: { id: "e1", timestampMs: 9000 },
    },
    {
      id: "c2",
      start: { id: "s2", timestampMs: 12_000, prompt: "a desert" },
      interactions: [],
      end: { id: "e2", timestampMs: 15_000 },
    },
  ],
};

describe("checkTimeline", () => {
  it("pins each problem on its entry and groups them by clip", () => {
    const check = checkTimeline(timeline);
    expect(check.script).toHaveLength(5);
    expect(check.problems).toEqual([
      expect.objectContaining({ entryId: "i1", code: "prompt-empty", index: 1 }),
    ]);
    expect(check.problemsByClip.get("c1")).toEqual([
      { entryId: "i1", message: "the prompt of the interaction at 3.00 s is empty" },
    ]);
    expect(check.problemsByClip.has("c2")).toBe(false);
  });

  it("keeps a clip's list of problems when a later check says the same of it", () => {
    const first = checkTimeline(timeline).problemsByClip;
    const again = reuseUnchanged(first, checkTimeline(timeline).problemsByClip);
    expect(again.get("c1")).toBe(first.get("c1"));
    const fixed = checkTimeline({
      ...timeline,
      clips: timeline.clips.map((c) => ({
        ...c,
        interactions: c.interactions.map((i) => ({ ...i, prompt: "fixed" })),
      })),
    }).problemsByClip;
    expect(reuseUnchanged(first, fixed).has("c1")).toBe(false);
  });

  it("reports an empty draft as a problem of the whole script", () => {
    const check = checkTimeline({ portrait: false, clips: [] });
    expect(check.problems).toEqual([
      expect.objectContaining({ entryId: null, code: "no-streams" }),
    ]);
  });
});

describe("promptAt", () => {
  it("gives the start's prompt, then each interaction's from its time, and nothing between streams", () => {
    expect(promptAt(timeline, 1000)).toMatchObject({
      streamNumber: 1,
      prompt: "a city",
      kind: "start",
    });
    expect(promptAt(timeline, 3000)).toMatchObject({ prompt: "", kind: "interact" });
    expect(promptAt(timeline, 10_000)).toBeNull();
    expect(promptAt(timeline, 9000)).toBeNull();
    expect(promptAt(timeline, 12_000)).toMatchObject({ streamNumber: 2, image: undefined });
  });
});

describe("ruler", () => {
  it("spaces labels at least 72 px apart at any zoom", () => {
    expect(rulerStep(0.8)).toBe(100);
    expect(rulerStep(0.08)).toBe(1000);
    expect(rulerStep(0.01)).toBe(10_000);
    // "Fit" on an hour-long script: 0.05 px per second.
    expect(rulerStep(0.00005)).toBe(1_800_000);
    expect(rulerStep(0.000001)).toBe(3_600_000);
  });

  it("writes minutes and seconds, with tenths when the step is under a second", () => {
    expect(formatRulerTime(65_000, 1000)).toBe("1:05");
    expect(formatRulerTime(2500, 500)).toBe("0:02.5");
  });
});
