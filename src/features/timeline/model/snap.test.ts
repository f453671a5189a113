import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timelineArb } from "../../../test/arbitraries";
import { moveBounds } from "./operations";
import {
  constrainMove,
  dropEntry,
  dropGroup,
  GRID_CHOICES,
  nearestTarget,
  reachOf,
  SNAP_PX,
  snapTargets,
  snapToGrid,
  timeOf,
} from "./snap";
import { entryIdsInScriptOrder, type Timeline } from "./timeline";

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

/** The case: a 3.5 s stream whose end is half a second from the next stream's start. */
const nearNeighbour: Timeline = {
  portrait: false,
  clips: [
    {
      id: "a",
      start: { id: "a-start", timestampMs: 0, prompt: "a" },
      interactions: [],
      end: { id: "a-end", timestampMs: 3500 },
    },
    {
      id: "b",
      start: { id: "b-start", timestampMs: 4000, prompt: "b" },
      interactions: [],
      end: { id: "b-end", timestampMs: 8000 },
    },
  ],
};

/** 16 px per second, the zoom where a fixed pixel radius swallowed half a second. */
const ZOOMED_OUT = 16 / 1000;

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

  it("lets no target reach past halfway to its neighbour", () => {
    // A 375 ms radius, but 4000 is only 500 ms from 3500: it reaches 250 ms.
    expect(reachOf([3500, 4000], 1, 375)).toBe(250);
    expect(nearestTarget([3500, 4000], 3700, 375)).toBe(3500);
    expect(nearestTarget([0, 4000], 3700, 375)).toBe(4000);
  });

  it("rounds to the grid, or to whole ms with the grid off", () => {
    expect(snapToGrid(1234, 250)).toBe(1250);
    expect(snapToGrid(1234.4, 0)).toBe(1234);
  });

  it("prefers a neighbouring entry to the grid and then clamps", () => {
    // The playhead at 5 s is a target too.
    const targets = snapTargets(timeline, new Set(["i1"]), [5000]);
    expect(
      constrainMove(timeline, "i1", 4950, { gridMs: 1000, targets, thresholdMs: 100 }),
    ).toEqual({
      ms: 5000,
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
    const { max } = moveBounds(timeline, "i1")!;
    expect(constrainMove(timeline, "i1", 11_000, { gridMs: 0, targets })).toEqual({
      ms: max,
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

describe("dropping a drag at 16 px per second", () => {
  const targets = snapTargets(nearNeighbour, new Set(["a-end"]), [0]);
  const drop = (deltaPx: number, gridMs = 0) =>
    dropEntry(nearNeighbour, "a-end", { deltaPx, pxPerMs: ZOOMED_OUT }, { gridMs, targets });

  it("changes nothing when the pointer comes back to where it was pressed", () => {
    expect(drop(0)).toEqual({ ms: 3500, snappedTo: null, clamped: false });
    // Within a pixel, not even the grid moves it.
    expect(drop(1, 1000)).toEqual({ ms: 3500, snappedTo: null, clamped: false });
    expect(drop(-1, 1000)).toEqual({ ms: 3500, snappedTo: null, clamped: false });
  });

  it("holds an end near its own time rather than jumping to the next stream's start", () => {
    // Two pixels short of home is 3625 ms: 375 ms from the next start, 125 ms from its own time.
    expect(drop(2).ms).toBe(3500);
    // Past halfway to the next start, the start wins.
    expect(drop(5)).toEqual({ ms: 4000, snappedTo: "entry", clamped: false });
  });

  it("holds a whole stream near where it was, though its end is near the next stream", () => {
    // The playhead 20 ms from the stream's start leaves its start almost no reach, so what
    // holds it is its end's own time.
    const clipTargets = snapTargets(nearNeighbour, new Set(["a"]), [20]);
    const moveClip = (deltaPx: number) =>
      dropEntry(
        nearNeighbour,
        "a",
        { deltaPx, pxPerMs: ZOOMED_OUT },
        { gridMs: 0, targets: clipTargets },
      );
    // Its end would be at 3625 ms, 375 ms from the next start and 125 ms from its own time.
    expect(moveClip(2).ms).toBe(0);
    expect(moveClip(5)).toEqual({ ms: 500, snappedTo: "entry", clamped: false });
  });

  it("snaps to a neighbour within six pixels when the gap is wide", () => {
    const wide = snapTargets(timeline, new Set(["e1"]), [0]);
    const at = (deltaPx: number) =>
      dropEntry(timeline, "e1", { deltaPx, pxPerMs: ZOOMED_OUT }, { gridMs: 0, targets: wide });
    // e1 is at 9 s, the next start at 12 s: 48 px away. Six pixels are 375 ms.
    expect(at(48 - 6)).toEqual({ ms: 12_000, snappedTo: "entry", clamped: false });
    expect(at(48 - 7).snappedTo).toBeNull();
  });

  it("moves keyboard drags by whole steps, with no pixel radius pulling at them", () => {
    const step = 100 * ZOOMED_OUT;
    const byKeyboard = (steps: number) =>
      dropEntry(
        nearNeighbour,
        "a-end",
        { deltaPx: steps * step, pxPerMs: ZOOMED_OUT, byKeyboard: true },
        { gridMs: 100, targets },
      ).ms;
    expect(byKeyboard(0)).toBe(3500);
    expect(byKeyboard(1)).toBe(3600);
    expect(byKeyboard(-1)).toBe(3400);
  });
});

// Zoomed out is where a few pixels span seconds and neighbours crowd each other.
const zoomArb = fc
  .oneof(fc.integer({ min: 2, max: 32 }), fc.integer({ min: 2, max: 800 }))
  .map((pxPerSecond) => pxPerSecond / 1000);
const gridArb = fc.constantFrom(...GRID_CHOICES);

/** A timeline, one of its entries or clips, and a drag of it. */
const dragArb = timelineArb.chain((t) => {
  const ids = [...entryIdsInScriptOrder(t), ...t.clips.map((c) => c.id)];
  return fc.record({
    timeline: fc.constant(t),
    id: fc.constantFrom(...ids),
    pxPerMs: zoomArb,
    gridMs: gridArb,
    ripple: fc.boolean(),
    playheadMs: fc.integer({ min: 0, max: 200_000 }),
  });
});

const sortedTargetsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 100_000 }), { maxLength: 12 })
  .map((values) => values.sort((a, b) => a - b));

describe("snapping, for every timeline and zoom", () => {
  it("never moves a value by more than the radius, nor past halfway to a neighbour", () => {
    fc.assert(
      fc.property(
        sortedTargetsArb,
        fc.double({ min: -1000, max: 101_000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (targets, ms, radius) => {
          const hit = nearestTarget(targets, ms, radius);
          if (hit === null) return;
          const index = targets.indexOf(hit);
          const moved = Math.abs(hit - ms);
          expect(moved).toBeLessThanOrEqual(radius);
          if (index > 0) expect(moved).toBeLessThanOrEqual((hit - targets[index - 1]!) / 2);
          if (index < targets.length - 1)
            expect(moved).toBeLessThanOrEqual((targets[index + 1]! - hit) / 2);
          // And no other target is nearer.
          for (const other of targets) expect(Math.abs(other - ms)).toBeGreaterThanOrEqual(moved);
        },
      ),
    );
  });

  it("snaps whenever the nearest target reaches", () => {
    fc.assert(
      fc.property(
        sortedTargetsArb.filter((t) => t.length > 0),
        fc.nat(),
        // Short of the reach's very edge, where rounding could put it a hair outside.
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        (targets, pick, fraction, radius) => {
          const index = pick % targets.length;
          const at = targets[index]!;
          const ms = at + fraction * reachOf(targets, index, radius);
          const hit = nearestTarget(targets, ms, radius);
          expect(hit).not.toBeNull();
          expect(Math.abs(hit! - ms)).toBeLessThanOrEqual(Math.abs(at - ms));
        },
      ),
    );
  });

  it("is the identity when the pointer ends within a pixel of where it was pressed", () => {
    fc.assert(
      fc.property(
        dragArb,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.boolean(),
        ({ timeline: t, id, pxPerMs, gridMs, ripple, playheadMs }, deltaPx, asGroup) => {
          const origin = timeOf(t, id)!;
          const drag = { deltaPx, pxPerMs };
          const result = asGroup
            ? dropGroup(t, [id, t.clips[0]!.start.id], id, drag, { gridMs, ripple })
            : dropEntry(t, id, drag, {
                gridMs,
                ripple,
                targets: snapTargets(t, new Set([id]), [playheadMs]),
              });
          expect(result).toEqual({ ms: origin, snappedTo: null, clamped: false });
        },
      ),
    );
  });

  it("snaps an entry to a neighbour only within six pixels and nearer it than its own time", () => {
    fc.assert(
      fc.property(
        dragArb,
        fc.oneof(
          fc.double({ min: -20, max: 20, noNaN: true }),
          fc.double({ min: -400, max: 400, noNaN: true }),
        ),
        ({ timeline: t, id, pxPerMs, ripple, playheadMs }, deltaPx) => {
          const origin = timeOf(t, id)!;
          const proposed = origin + deltaPx / pxPerMs;
          const targets = snapTargets(t, new Set([id]), [playheadMs]);
          const result = dropEntry(t, id, { deltaPx, pxPerMs }, { gridMs: 0, ripple, targets });
          if (result.snappedTo !== "entry") return;
          // For a clip, its start or its end is what snapped; both moved by the same amount.
          const moved = Math.abs(result.ms - proposed);
          expect(moved).toBeLessThanOrEqual(SNAP_PX / pxPerMs + 1e-6);
          expect(moved).toBeLessThanOrEqual(Math.abs(result.ms - origin) / 2 + 1e-6);
        },
      ),
    );
  });

  it("lands a drag that ends nearer its own time than a neighbour no further than its own time", () => {
    // Zoomed so the nearest neighbour is a few pixels away: the regime where a fixed pixel
    // radius once swallowed the way back.
    fc.assert(
      fc.property(
        dragArb,
        fc.double({ min: 1, max: 24, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ timeline: t, id, ripple, playheadMs }, gapPx, towards) => {
          // A whole stream snaps by either edge, and "nearer its own time" here is measured from
          // its start alone: its end may be past halfway to its own neighbour. The example
          // above pins that a whole stream holds its end's own time.
          if (t.clips.some((clip) => clip.id === id)) return;
          const origin = timeOf(t, id)!;
          const targets = snapTargets(t, new Set([id]), [playheadMs]);
          const neighbour = targets
            .filter((target) => target !== origin)
            .sort((a, b) => Math.abs(a - origin) - Math.abs(b - origin))[0];
          if (neighbour === undefined) return;
          const gapMs = Math.abs(neighbour - origin);
          const pxPerMs = Math.min(0.8, Math.max(0.002, gapPx / gapMs));
          // Short of halfway towards the neighbour, so nearer its own time.
          const proposedMs = origin + (neighbour - origin) * 0.499 * towards;
          const deltaPx = (proposedMs - origin) * pxPerMs;
          const result = dropEntry(t, id, { deltaPx, pxPerMs }, { gridMs: 0, ripple, targets });
          if (result.clamped) return;
          expect(Math.abs(result.ms - origin)).toBeLessThanOrEqual(
            Math.abs(proposedMs - origin) + 0.5,
          );
        },
      ),
    );
  });

  it("always lands where the rules allow", () => {
    fc.assert(
      fc.property(
        dragArb,
        fc.double({ min: -3000, max: 3000, noNaN: true }),
        ({ timeline: t, id, pxPerMs, gridMs, ripple, playheadMs }, deltaPx) => {
          const bounds = moveBounds(t, id, { ripple })!;
          const targets = snapTargets(t, new Set([id]), [playheadMs]);
          const { ms } = dropEntry(t, id, { deltaPx, pxPerMs }, { gridMs, ripple, targets });
          if (Math.abs(deltaPx) <= 1) return;
          expect(ms).toBeGreaterThanOrEqual(Math.floor(bounds.min));
          expect(ms).toBeLessThanOrEqual(Math.ceil(bounds.max));
        },
      ),
    );
  });
});
