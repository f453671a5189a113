import { describe, expect, it } from "vitest";
import { constrainMove, nearestTarget, snapTargets, snapToGrid } from "./snap";
import type { Timeline } from "./timeline";

const timeline: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "b" }],
      end: { id: "e1", timestampMs: 9000 },
    },
    {
      id: "c2",
      start: { id: "s2", timestampMs: 12_000, prompt: "c" },
      interactions: [],
      end: { id: "e2", timestampMs: 15_000 },
    },
  ],
};

describe("snapping", () => {
  it("lists other entries' times as targets", () => {
    expect(snapTargets(timeline, new Set(["i1"]), [4500])).toEqual([0, 4500, 9000, 12000, 15000]);
    expect(snapTargets(timeline, new Set(["c2"]))).toEqual([0, 3000, 9000]);
  });

  it("finds the nearest target within the threshold", () => {
    expect(nearestTarget([0, 3000, 9000], 3100, 200)).toBe(3000);
    expect(nearestTarget([0, 3000, 9000], 3300, 200)).toBeNull();
    expect(nearestTarget([], 10, 200)).toBeNull();
  });

  it("rounds to the grid, or to whole ms with the grid off", () => {
    expect(snapToGrid(1234, 250)).toBe(1250);
    expect(snapToGrid(1234.4, 0)).toBe(1234);
  });

  it("prefers a neighbouring entry to the grid and then clamps", () => {
    const targets = snapTargets(timeline, new Set(["i1"]));
    expect(
      constrainMove(timeline, "i1", 8950, { gridMs: 1000, targets, thresholdMs: 100 }),
    ).toEqual({
      ms: 9000,
      snappedTo: "entry",
      clamped: false,
    });
    expect(constrainMove(timeline, "i1", 4321, { gridMs: 250, targets, thresholdMs: 100 })).toEqual(
      {
        ms: 4250,
        snappedTo: "grid",
        clamped: false,
      },
    );
    expect(constrainMove(timeline, "i1", 11_000, { gridMs: 0, targets })).toEqual({
      ms: 9000,
      snappedTo: null,
      clamped: true,
    });
  });

  it("snaps a moving clip by its end too", () => {
    const targets = snapTargets(timeline, new Set(["c1"]));
    // c1 lasts 9 s: starting at 2950 would end at 11950, next to c2's start.
    expect(constrainMove(timeline, "c1", 2950, { gridMs: 0, targets, thresholdMs: 100 }).ms).toBe(
      3000,
    );
    expect(constrainMove(timeline, "c1", 2950, { gridMs: 0, targets, thresholdMs: 10 }).ms).toBe(
      2950,
    );
  });
});
