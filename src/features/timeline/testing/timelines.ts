// Timelines the timeline's tests start from.
import type { Clip, Timeline } from "../model/timeline";

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

/** One 9 s stream, "a city", with "rain" (i1) at 3 s: its start is "s1", its end "e1". */
export const CITY_IN_RAIN: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
      end: { id: "e1", timestampMs: 9000 },
    },
  ],
};

/** CITY_IN_RAIN with "night" (i2) at 6 s as well. */
export const CITY_RAIN_NIGHT: Timeline = {
  portrait: false,
  clips: [
    {
      ...CITY_IN_RAIN.clips[0]!,
      interactions: [
        { id: "i1", timestampMs: 3000, prompt: "rain" },
        { id: "i2", timestampMs: 6000, prompt: "night" },
      ],
    },
  ],
};

/** A second stream, "a desert" (c2), from 12 s to 15 s, to follow either of the above. */
export const DESERT_CLIP: Clip = {
  id: "c2",
  start: { id: "s2", timestampMs: 12_000, prompt: "a desert" },
  interactions: [],
  end: { id: "e2", timestampMs: 15_000 },
};
