// fast-check generators of valid timelines and scripts, shared by the property tests.
import fc from "fast-check";
import type { ScriptEntry } from "../contract/script";
import { timelineToScript } from "../features/timeline/model/convert";
import type { Clip, Timeline } from "../features/timeline/model/timeline";

/** Non-empty after trimming, within the 2,000-character limit, any Unicode. */
export const promptArb = fc
  .string({ minLength: 1, maxLength: 80, unit: "grapheme" })
  .filter((s) => s.trim() !== "");

/** A tiny but well-formed data URL of each accepted type. */
export const imageArb = fc.constantFrom(
  "data:image/png;base64,iVBORw0KGgo=",
  "data:image/jpeg;base64,/9j/4AAQSkZJRg==",
  "data:image/webp;base64,UklGRiQAAABXRUJQ",
);

interface ClipShape {
  gapMs: number;
  durationMs: number;
  prompt: string;
  image: string | undefined;
  interactions: { offsetMs: number; prompt: string }[];
}

const clipShapeArb: fc.Arbitrary<ClipShape> = fc
  .record({
    gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 })),
    durationMs: fc.integer({ min: 1000, max: 60_000 }),
    prompt: promptArb,
    image: fc.option(imageArb, { nil: undefined }),
    offsets: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
    prompts: fc.array(promptArb, { minLength: 5, maxLength: 5 }),
  })
  .map(({ gapMs, durationMs, prompt, image, offsets, prompts }) => ({
    gapMs,
    durationMs,
    prompt,
    image,
    interactions: offsets
      .map((f) => Math.round(f * durationMs))
      .sort((a, b) => a - b)
      .map((offsetMs, i) => ({ offsetMs, prompt: prompts[i] ?? "steer" })),
  }));

export const timelineArb: fc.Arbitrary<Timeline> = fc
  .record({
    portrait: fc.boolean(),
    shapes: fc.array(clipShapeArb, { minLength: 1, maxLength: 6 }),
    firstMs: fc.integer({ min: 0, max: 5000 }),
  })
  .map(({ portrait, shapes, firstMs }) => {
    let cursor = firstMs;
    let nextId = 0;
    const id = () => `e${nextId++}`;
    const clips: Clip[] = shapes.map((shape, index) => {
      const startMs = cursor + (index === 0 ? 0 : shape.gapMs);
      cursor = startMs + shape.durationMs;
      return {
        id: id(),
        start: {
          id: id(),
          timestampMs: startMs,
          prompt: shape.prompt,
          ...(shape.image !== undefined && { image: shape.image }),
        },
        interactions: shape.interactions.map((interaction) => ({
          id: id(),
          timestampMs: startMs + interaction.offsetMs,
          prompt: interaction.prompt,
        })),
        end: { id: id(), timestampMs: cursor },
      };
    });
    return { portrait, clips };
  });

export const validScriptArb: fc.Arbitrary<ScriptEntry[]> = timelineArb.map(timelineToScript);

/** Ids "e0", "e1", ... in order, matching what `timelineArb` assigns. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `e${next++}`;
}
