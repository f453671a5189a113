// A stream's events file (`events_url`): when each prompt of the script took effect in the
// video. The local engine writes it in server/render/render-stream.ts; Odyssey's hosted API
// may write another shape, so this reads what it can and says when it cannot read anything.
import * as z from "zod/mini";

export type StreamMarkerKind = "start" | "interact";

export interface StreamMarker {
  kind: StreamMarkerKind;
  /** Milliseconds from the video's start, as the script timed it. */
  atMs: number;
  /**
   * When the first frame showing the prompt appears: the renderer rounds an entry up to the
   * next frame, so seeking to `atMs` can still show the frame before it.
   */
  showMs: number;
  prompt: string;
}

export interface StreamEvents {
  fps: number | null;
  durationMs: number | null;
  frameCount: number | null;
  /** In time order. */
  markers: StreamMarker[];
}

const time = z.number().check(z.nonnegative());
// One bad field must not cost the whole file its markers, so fields fall back to absent.
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const promptHolder = lenient(z.object({ prompt: lenient(z.string()) }));

const eventSchema = z.object({
  type: lenient(z.string()),
  timestamp_ms: lenient(time),
  offset_ms: lenient(time),
  frame: lenient(z.int().check(z.nonnegative())),
  prompt: lenient(z.string()),
  // Script-shaped entries ({timestamp_ms, interact: {prompt}}) are another likely shape.
  start: promptHolder,
  interact: promptHolder,
  end: lenient(z.object({})),
});
type RawEvent = z.infer<typeof eventSchema>;

const fileSchema = z.union([
  z.object({
    fps: lenient(z.number().check(z.positive())),
    frame_count: lenient(z.int().check(z.nonnegative())),
    duration_seconds: lenient(time),
    events: z.array(z.unknown()),
  }),
  z.pipe(
    z.array(z.unknown()),
    z.transform((events: unknown[]) => ({
      fps: undefined,
      frame_count: undefined,
      duration_seconds: undefined,
      events,
    })),
  ),
]);

const START_TYPES = new Set(["start", "stream_start", "started"]);
const INTERACT_TYPES = new Set(["interact", "interaction", "prompt", "prompt_update"]);
const END_TYPES = new Set(["end", "stream_end", "ended"]);

function kindOf(event: RawEvent): StreamMarkerKind | "end" | null {
  const type = event.type?.toLowerCase();
  if (type !== undefined) {
    if (START_TYPES.has(type)) return "start";
    if (INTERACT_TYPES.has(type)) return "interact";
    if (END_TYPES.has(type)) return "end";
    return null;
  }
  if (event.start) return "start";
  if (event.interact) return "interact";
  if (event.end) return "end";
  return null;
}

/**
 * The events file's markers, or null when it is not an events file this studio can read (so
 * the player can say markers are unavailable rather than draw wrong ones).
 */
export function parseStreamEvents(data: unknown): StreamEvents | null {
  const file = fileSchema.safeParse(data);
  if (!file.success) return null;
  const { fps, frame_count, duration_seconds } = file.data;
  const events = file.data.events.flatMap((raw) => {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) return [];
    const kind = kindOf(parsed.data);
    return kind ? [{ kind, event: parsed.data }] : [];
  });
  if (file.data.events.length > 0 && events.length === 0) return null;

  // Script times are absolute; without offsets, the start's time is the video's zero.
  const origin = events.find((e) => e.kind === "start")?.event.timestamp_ms ?? 0;
  // A nonsense rate (1e-300 fps) would put every frame at infinity: ignore it.
  const frameMs = fps && Number.isFinite(1000 / fps) ? 1000 / fps : null;
  const markers: StreamMarker[] = [];
  for (const { kind, event } of events) {
    if (kind === "end") continue;
    const atMs =
      event.offset_ms ??
      (event.frame !== undefined && frameMs !== null ? event.frame * frameMs : undefined) ??
      (event.timestamp_ms !== undefined ? event.timestamp_ms - origin : undefined);
    if (atMs === undefined || !Number.isFinite(atMs) || atMs < 0) continue;
    const frameAtMs = event.frame !== undefined && frameMs !== null ? event.frame * frameMs : 0;
    if (!Number.isFinite(frameAtMs)) continue;
    const prompt = event.prompt ?? event[kind]?.prompt ?? "";
    markers.push({ kind, atMs, showMs: Math.max(atMs, frameAtMs), prompt: prompt.trim() });
  }
  markers.sort((a, b) => a.atMs - b.atMs);

  return {
    fps: fps ?? null,
    durationMs: duration_seconds !== undefined ? duration_seconds * 1000 : null,
    frameCount: frame_count ?? null,
    markers,
  };
}
