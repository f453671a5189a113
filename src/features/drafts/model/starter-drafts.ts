// What a creator starts from: the sample draft of a first visit, and templates for a new draft.
// Built fresh each time, with ids of their own. Fetched only for a first visit or the drafts
// browser (first-run.ts says whether a visit is the first, without it).
import { type Clip, createId, type Timeline } from "../../../lib/draft/document";

type Entry = [ms: number, prompt: string];

function clip(start: Entry, interactions: Entry[], endMs: number, image?: string): Clip {
  return {
    id: createId(),
    start: {
      id: createId(),
      timestampMs: start[0],
      prompt: start[1],
      ...(image ? { image } : {}),
    },
    interactions: interactions.map(([timestampMs, prompt]) => ({
      id: createId(),
      timestampMs,
      prompt,
    })),
    end: { id: createId(), timestampMs: endMs },
  };
}

export interface Template {
  name: string;
  description: string;
  timeline: () => Timeline;
}

export const TEMPLATES: readonly Template[] = [
  {
    name: "Two-shot scene",
    description: "Two people in one place, the camera cutting from one to the other.",
    timeline: () => ({
      portrait: false,
      clips: [
        clip(
          [0, "Two friends at a café table by a rainy window, medium shot"],
          [[3000, "The camera pushes in on the one who is speaking"]],
          6000,
        ),
        clip(
          [6000, "Reverse angle: the other friend listens, then laughs"],
          [[9000, "Rain streaks the window behind them"]],
          12000,
        ),
      ],
    }),
  },
  {
    name: "Product turn",
    description: "One object on a turntable, lit like an advert.",
    timeline: () => ({
      portrait: false,
      clips: [
        clip(
          [0, "A wristwatch on a slowly turning white pedestal, soft studio light"],
          [
            [3000, "The light sweeps across the watch face"],
            [6000, "The camera rises to look down at the dial"],
          ],
          9000,
        ),
      ],
    }),
  },
  {
    name: "Weather change",
    description: "One place as the weather turns.",
    timeline: () => ({
      portrait: false,
      clips: [
        clip(
          [0, "A mountain valley under a clear blue sky, wide shot"],
          [
            [3000, "Dark clouds roll in over the peaks"],
            [6000, "Heavy rain starts to fall across the valley"],
          ],
          10000,
        ),
      ],
    }),
  },
];

export const SAMPLE_NAME = "Sample: harbour at dusk";

/** A start frame drawn here, a harbour sky at dusk, so the sample shows what images do. */
export function sampleFrame(): string | undefined {
  if (typeof document === "undefined") return undefined;
  const canvas = document.createElement("canvas");
  canvas.width = 1280;
  canvas.height = 704;
  const context = canvas.getContext("2d");
  if (!context) return undefined;
  const sky = context.createLinearGradient(0, 0, 0, 460);
  sky.addColorStop(0, "#1e1b4b");
  sky.addColorStop(0.6, "#c2410c");
  sky.addColorStop(1, "#fdba74");
  context.fillStyle = sky;
  context.fillRect(0, 0, 1280, 460);
  const sea = context.createLinearGradient(0, 460, 0, 704);
  sea.addColorStop(0, "#1e3a8a");
  sea.addColorStop(1, "#0f172a");
  context.fillStyle = sea;
  context.fillRect(0, 460, 1280, 244);
  // A lighthouse on the horizon.
  context.fillStyle = "#f8fafc";
  context.fillRect(960, 330, 26, 130);
  context.fillStyle = "#fde047";
  context.fillRect(954, 316, 38, 18);
  const url = canvas.toDataURL("image/jpeg", 0.9);
  return url.startsWith("data:image/jpeg") ? url : undefined;
}

export function sampleTimeline(): Timeline {
  return {
    portrait: false,
    clips: [
      clip(
        [0, "A harbour at dusk, a lighthouse on the horizon, boats rocking gently"],
        [
          [3000, "The lighthouse beam sweeps across the water"],
          [6000, "Gulls take off from the pier"],
        ],
        9000,
        sampleFrame(),
      ),
      clip(
        [9000, "The same harbour at night, lanterns glowing on the boats"],
        [[12000, "A light fog drifts in from the sea"]],
        15000,
      ),
    ],
  };
}
