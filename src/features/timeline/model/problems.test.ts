import { describe, expect, it } from "vitest";
import { checkTimeline } from "./problems";
import type { Timeline } from "./timeline";

function stream(interactionMs: number[], endMs: number): Timeline {
  return {
    portrait: false,
    clips: [
      {
        id: "c1",
        start: { id: "s1", timestampMs: 0, prompt: "a harbour at dawn" },
        interactions: interactionMs.map((ms, i) => ({
          id: `i${i + 1}`,
          timestampMs: ms,
          prompt: "a storm rolls in",
        })),
        end: { id: "e1", timestampMs: endMs },
      },
    ],
  };
}

describe("checkTimeline", () => {
  it("pins an interaction at its stream's end on the interaction, as never seen", () => {
    const { problems, problemsByClip } = checkTimeline(stream([3000, 6000], 6000));
    expect(problems).toEqual([
      {
        index: 2,
        field: "timestamp_ms",
        code: "interaction-unseen",
        message:
          "the interaction at 6.00 s comes when its stream ends at 6.00 s; it would never be seen: move it to 5.96 s or earlier",
        entryId: "i2",
      },
    ]);
    expect(problemsByClip.get("c1")).toEqual([{ entryId: "i2", message: problems[0]?.message }]);
  });

  it("pins one after the last frame but before the end too, naming the last frame", () => {
    // 6.01 s hold 150 frames, the last at 5.96 s: 40 ms before the end is not enough here.
    expect(checkTimeline(stream([5970], 6010)).problems.map((p) => [p.entryId, p.message])).toEqual(
      [
        [
          "i1",
          "the interaction at 5.97 s comes after its stream's last frame, at 5.96 s (the stream ends at 6.01 s); it would never be seen: move it to 5.96 s or earlier",
        ],
      ],
    );
  });

  it("finds nothing wrong with an interaction on the last frame", () => {
    expect(checkTimeline(stream([5960], 6000)).problems).toEqual([]);
    expect(checkTimeline(stream([5960], 6010)).problems).toEqual([]);
    expect(checkTimeline(stream([6000], 6020)).problems).toEqual([]);
  });
});
