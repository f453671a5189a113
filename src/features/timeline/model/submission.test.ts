import { describe, expect, it } from "vitest";
import { scriptToTimeline } from "./convert";
import { placeIssues } from "./submission";
import { entryIdsInScriptOrder } from "./timeline";

const timeline = scriptToTimeline(
  [
    { timestamp_ms: 0, start: { prompt: "a" } },
    { timestamp_ms: 500, interact: { prompt: "b" } },
    { timestamp_ms: 1000, end: {} },
  ],
  { portrait: false },
);
const ids = entryIdsInScriptOrder(timeline);

describe("placeIssues", () => {
  it("pins a single script's issues on the entries they name", () => {
    const placed = placeIssues(
      [
        { loc: ["body", "script", 1, "interact", "prompt"], msg: "too long" },
        { loc: ["body", "script"], msg: "the script as a whole" },
        { loc: ["body", "script", 9], msg: "beyond the timeline" },
      ],
      timeline,
      null,
    );
    expect(placed).toEqual([
      { message: "too long", entryId: ids[1] },
      { message: "the script as a whole", entryId: null },
      { message: "beyond the timeline", entryId: null },
    ]);
  });

  it("in a batch, pins only the issues of this timeline's script", () => {
    const placed = placeIssues(
      [
        { loc: ["body", "scripts", 0, 2, "end"], msg: "other draft" },
        { loc: ["body", "scripts", 1, 2, "end"], msg: "this draft" },
      ],
      timeline,
      1,
    );
    expect(placed.map((p) => p.entryId)).toEqual([null, ids[2]]);
  });
});
