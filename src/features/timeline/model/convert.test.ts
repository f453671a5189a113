import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScriptEntry } from "../../../contract/script";
import { validateScript } from "../../../contract/validate-script";
import { sequentialIds, timelineArb, validScriptArb } from "../../../test/arbitraries";
import { scriptToTimeline, timelineToScript } from "./convert";
import { entryIdsInScriptOrder, type Timeline } from "./timeline";

const timeline: Timeline = {
  portrait: true,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city", image: "data:image/png;base64,AAAA" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
      end: { id: "n1", timestampMs: 9000 },
    },
    {
      id: "c2",
      start: { id: "s2", timestampMs: 9000, prompt: "a desert" },
      interactions: [],
      end: { id: "n2", timestampMs: 12000 },
    },
  ],
};

const script: ScriptEntry[] = [
  { timestamp_ms: 0, start: { prompt: "a city", image: "data:image/png;base64,AAAA" } },
  { timestamp_ms: 3000, interact: { prompt: "rain" } },
  { timestamp_ms: 9000, end: {} },
  { timestamp_ms: 9000, start: { prompt: "a desert" } },
  { timestamp_ms: 12000, end: {} },
];

describe("timelineToScript", () => {
  it("flattens clips into start, interactions, end, leaving out absent images", () => {
    expect(timelineToScript(timeline)).toEqual(script);
    expect(timelineToScript(timeline)[3]?.start).not.toHaveProperty("image");
  });
});

describe("scriptToTimeline", () => {
  it("groups a script's entries into clips with ids in script order", () => {
    const ids = ["c1", "s1", "i1", "n1", "c2", "s2", "n2"];
    expect(scriptToTimeline(script, { portrait: true, makeId: () => ids.shift() ?? "?" })).toEqual(
      timeline,
    );
  });

  it("gives fresh unique ids by default", () => {
    const ids = entryIdsInScriptOrder(scriptToTimeline(script, { portrait: false }));
    expect(new Set(ids).size).toBe(script.length);
  });
});

describe("the conversions are exact inverses", () => {
  it("script -> timeline -> script reproduces every valid script", () => {
    // The scripts come from the API's rules, not from timelineToScript, and include what the
    // editor itself never makes: interactions tied in time, on a start, on an end.
    fc.assert(
      fc.property(validScriptArb, fc.boolean(), (s, portrait) => {
        expect(validateScript(s)).toEqual([]);
        const timeline = scriptToTimeline(s, { portrait });
        expect(timeline.portrait).toBe(portrait);
        // Strict: an `image: undefined` left behind would be a key the export should not have.
        expect(timelineToScript(timeline)).toStrictEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it("timeline -> script -> timeline reproduces every valid timeline", () => {
    fc.assert(
      fc.property(timelineArb, (t) => {
        const back = scriptToTimeline(timelineToScript(t), {
          portrait: t.portrait,
          makeId: sequentialIds(),
        });
        expect(back).toEqual(t);
      }),
    );
  });

  it("entry ids follow script order", () => {
    expect(entryIdsInScriptOrder(timeline)).toEqual(["s1", "i1", "n1", "s2", "n2"]);
  });
});
