// fast-check generators of valid timelines and scripts, shared by the property tests. Each is
// built from the rules themselves, not from the code under test, so a converter or a
// validator cannot vouch for its own inputs.
import fc from "fast-check";
import { FRAME_MS, MIN_STREAM_MS, type ScriptEntry } from "../contract/script";
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

/** Streams of whole frames and of every remainder, with the edges of frame rounding often. */
const durationArb = fc.oneof(
  fc.integer({ min: MIN_STREAM_MS, max: 60_000 }),
  fc.constantFrom(1000, 1019, 1020, 1021, 6000, 6010, 6020, 6039),
);

/** Gaps between streams: often none, so one stream ends where the next starts. */
const gapArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 }));

interface StreamShape {
  gapMs: number;
  durationMs: number;
  prompt: string;
  image: string | undefined;
  /** In the order they are written; equal offsets keep it. */
  interactions: { offsetMs: number; prompt: string }[];
}

function streamShapeArb(
  offsetArb: (durationMs: number) => fc.Arbitrary<number>,
): fc.Arbitrary<StreamShape> {
  return durationArb.chain((durationMs) =>
    fc.record({
      gapMs: gapArb,
      durationMs: fc.constant(durationMs),
      prompt: promptArb,
      image: fc.option(imageArb, { nil: undefined }),
      interactions: fc
        .array(fc.record({ offsetMs: offsetArb(durationMs), prompt: promptArb }), {
          maxLength: 5,
        })
        // Array.prototype.sort is stable: ties stay in the order they were generated.
        .map((list) => [...list].sort((a, b) => a.offsetMs - b.offsetMs)),
    }),
  );
}

/** Streams laid one after another from `firstMs`, each `gapMs` after the previous end. */
function layOut<T>(
  firstMs: number,
  shapes: StreamShape[],
  place: (shape: StreamShape, startMs: number, endMs: number) => T,
): T[] {
  let cursor = firstMs;
  return shapes.map((shape, index) => {
    const startMs = cursor + (index === 0 ? 0 : shape.gapMs);
    cursor = startMs + shape.durationMs;
    return place(shape, startMs, cursor);
  });
}

/**
 * When a stream's last frame starts, from its start: a frame every 40 ms, as many as the
 * stream holds rounded to the nearest. Written out here rather than imported, so the rule the
 * editor keeps is checked against an independent statement of it.
 */
function lastFrameOffsetMs(durationMs: number): number {
  return (Math.round(durationMs / FRAME_MS) - 1) * FRAME_MS;
}

/** Anywhere the video shows an interaction, and often right on or just before the last frame. */
const seenOffsetArb = (durationMs: number) => {
  const lastMs = lastFrameOffsetMs(durationMs);
  return fc.oneof(
    fc.integer({ min: 0, max: lastMs }),
    fc.integer({ min: 0, max: 2 * FRAME_MS }).map((back) => Math.max(0, lastMs - back)),
  );
};

/**
 * Timelines as the editor keeps them: clips in order, at least a second long, interactions in
 * time order and no later than their stream's last frame. Ids "e0", "e1", ... in script order,
 * each clip's id before its entries'.
 */
export const timelineArb: fc.Arbitrary<Timeline> = fc
  .record({
    portrait: fc.boolean(),
    shapes: fc.array(streamShapeArb(seenOffsetArb), { minLength: 1, maxLength: 6 }),
    firstMs: fc.integer({ min: 0, max: 5000 }),
  })
  .map(({ portrait, shapes, firstMs }) => {
    let nextId = 0;
    const id = () => `e${nextId++}`;
    const clips = layOut(firstMs, shapes, (shape, startMs, endMs): Clip => ({
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
      end: { id: id(), timestampMs: endMs },
    }));
    return { portrait, clips };
  });

/** Anywhere in the stream, its very start and end included, as the API's rules allow. */
const anyOffsetArb = (durationMs: number) =>
  fc.oneof(fc.integer({ min: 0, max: durationMs }), fc.constantFrom(0, durationMs));

/**
 * Scripts that keep every rule of the API, written entry by entry from those rules: a start,
 * its interactions in time order (ties included, at the stream's very end too), an end at least
 * a second after the start, the next start at or after that end.
 */
export const validScriptArb: fc.Arbitrary<ScriptEntry[]> = fc
  .record({
    shapes: fc.array(streamShapeArb(anyOffsetArb), { minLength: 1, maxLength: 6 }),
    firstMs: fc.integer({ min: 0, max: 5000 }),
  })
  .map(({ shapes, firstMs }) =>
    layOut(firstMs, shapes, (shape, startMs, endMs): ScriptEntry[] => [
      {
        timestamp_ms: startMs,
        start:
          shape.image === undefined
            ? { prompt: shape.prompt }
            : { prompt: shape.prompt, image: shape.image },
      },
      ...shape.interactions.map((interaction) => ({
        timestamp_ms: startMs + interaction.offsetMs,
        interact: { prompt: interaction.prompt },
      })),
      { timestamp_ms: endMs, end: {} },
    ]).flat(),
  );

/** Ids "e0", "e1", ... in order, matching what `timelineArb` assigns. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `e${next++}`;
}
