// Timelines the timeline's tests start from.
import type { Timeline } from "../model/timeline";

/** One 5 s stream, "a city", with no interactions: its start is "s1", its end "e1". */
export const ONE_STREAM: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city" },
      interactions: [],
      end: { id: "e1", timestampMs: 5000 },
    },
  ],
};
