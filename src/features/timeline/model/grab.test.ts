import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timelineArb } from "../../../test/arbitraries";
import { entryIdsNear, grabByDirection } from "./grab";
import { moveBounds } from "./operations";
import { entryIdsInScriptOrder, type Timeline } from "./timeline";

/** Two streams back to back: the first's end and the second's start are both at 3.5 s. */
const backToBack: Timeline = {
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
      start: { id: "b-start", timestampMs: 3500, prompt: "b" },
      interactions: [{ id: "b-look", timestampMs: 3520, prompt: "look" }],
      end: { id: "b-end", timestampMs: 7000 },
    },
  ],
};

describe("grabbing where handles overlap", () => {
  it("takes the earlier stream's end leftwards and the later stream's start rightwards", () => {
    // The order the handles are found in, topmost first, does not matter.
    for (const under of [
      ["b-start", "a-end"],
      ["a-end", "b-start"],
    ]) {
      expect(grabByDirection(backToBack, under, -3)).toBe("a-end");
      expect(grabByDirection(backToBack, under, 3)).toBe("b-start");
    }
  });

  it("takes the entry that can move that way", () => {
    // Leftwards the start is held by the first stream's end; rightwards the end by the start.
    expect(moveBounds(backToBack, "a-end")!.min).toBeLessThan(3500);
    expect(moveBounds(backToBack, "b-start")!.min).toBe(3500);
    expect(moveBounds(backToBack, "b-start")!.max).toBeGreaterThan(3500);
    expect(moveBounds(backToBack, "a-end")!.max).toBe(3500);
    // Zoomed out, an interaction 20 ms in overlaps them both.
    const three = ["b-look", "b-start", "a-end"];
    expect(grabByDirection(backToBack, three, -3)).toBe("a-end");
    expect(grabByDirection(backToBack, three, 3)).toBe("b-look");
  });

  it("waits until the pointer has moved more than a pixel sideways", () => {
    expect(grabByDirection(backToBack, ["a-end", "b-start"], 0)).toBeNull();
    expect(grabByDirection(backToBack, ["a-end", "b-start"], -1)).toBeNull();
    expect(grabByDirection(backToBack, ["a-end", "b-start"], 1)).toBeNull();
    // A lone handle needs no direction.
    expect(grabByDirection(backToBack, ["a-end"], 0)).toBe("a-end");
  });

  it("picks, of any entries under the pointer, the first in script order leftwards and the last rightwards", () => {
    fc.assert(
      fc.property(
        timelineArb.chain((t) =>
          fc.record({
            timeline: fc.constant(t),
            under: fc.shuffledSubarray(entryIdsInScriptOrder(t), { minLength: 2 }),
            deltaPx: fc.double({ min: 1.001, max: 500, noNaN: true }),
          }),
        ),
        ({ timeline, under, deltaPx }) => {
          const order = entryIdsInScriptOrder(timeline).filter((id) => under.includes(id));
          expect(grabByDirection(timeline, under, -deltaPx)).toBe(order[0]);
          expect(grabByDirection(timeline, under, deltaPx)).toBe(order.at(-1));
        },
      ),
    );
  });
});

describe("entryIdsNear", () => {
  it("finds the entries around a time, across a stream's end and the next one's start", () => {
    expect(entryIdsNear(backToBack, 3510, 20)).toEqual(["a-end", "b-start", "b-look"]);
    expect(entryIdsNear(backToBack, 3500, 0)).toEqual(["a-end", "b-start"]);
    expect(entryIdsNear(backToBack, 5000, 100)).toEqual([]);
  });

  it("is every entry within the range, in script order, on any timeline", () => {
    fc.assert(
      fc.property(timelineArb, fc.nat(60_000), fc.nat(2_000), (timeline, ms, rangeMs) => {
        const times = new Map<string, number>();
        for (const clip of timeline.clips) {
          times.set(clip.start.id, clip.start.timestampMs);
          for (const i of clip.interactions) times.set(i.id, i.timestampMs);
          times.set(clip.end.id, clip.end.timestampMs);
        }
        const expected = entryIdsInScriptOrder(timeline).filter(
          (id) => Math.abs(times.get(id)! - ms) <= rangeMs,
        );
        expect(entryIdsNear(timeline, ms, rangeMs)).toEqual(expected);
      }),
    );
  });
});
