import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validScriptArb } from "../test/arbitraries";
import { segmentStreams } from "./segment-streams";

describe("segmentStreams", () => {
  it("makes one stream per start..end pair, with its interactions", () => {
    const streams = segmentStreams([
      { timestamp_ms: 0, start: { prompt: "a", image: "data:image/png;base64,AAAA" } },
      { timestamp_ms: 2500, interact: { prompt: "b" } },
      { timestamp_ms: 5000, end: {} },
      { timestamp_ms: 5000, start: { prompt: "c" } },
      { timestamp_ms: 6020, end: {} },
    ]);
    expect(streams).toEqual([
      {
        index: 0,
        startMs: 0,
        endMs: 5000,
        durationMs: 5000,
        frameCount: 125,
        prompt: "a",
        image: "data:image/png;base64,AAAA",
        interactions: [{ timestampMs: 2500, offsetMs: 2500, prompt: "b", entryIndex: 1 }],
        startEntryIndex: 0,
        endEntryIndex: 2,
      },
      {
        index: 1,
        startMs: 5000,
        endMs: 6020,
        durationMs: 1020,
        frameCount: 26,
        prompt: "c",
        interactions: [],
        startEntryIndex: 3,
        endEntryIndex: 4,
      },
    ]);
  });

  it("skips what is not a closed stream rather than throwing", () => {
    expect(
      segmentStreams([
        { timestamp_ms: 0, interact: { prompt: "orphan" } },
        { timestamp_ms: 1, end: {} },
        { timestamp_ms: 2, start: { prompt: "never ends" } },
      ]),
    ).toEqual([]);
  });

  it("covers every entry of a valid script exactly once", () => {
    fc.assert(
      fc.property(validScriptArb, (script) => {
        const streams = segmentStreams(script);
        const covered = streams.reduce((n, s) => n + 2 + s.interactions.length, 0);
        expect(covered).toBe(script.length);
        expect(streams.every((s) => s.durationMs === s.endMs - s.startMs)).toBe(true);
      }),
    );
  });
});
