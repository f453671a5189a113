// The streams a valid script makes: one recorded video per start..end pair.
import { FRAME_MS, type ScriptEntry } from "./script";

export interface StreamInteraction {
  timestampMs: number;
  /** Milliseconds from the stream's start. */
  offsetMs: number;
  prompt: string;
  entryIndex: number;
}

export interface StreamSegment {
  /** 0-based position of the stream in the script. */
  index: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Frames the model emits for this stream: one every 40 ms. */
  frameCount: number;
  prompt: string;
  image?: string;
  interactions: StreamInteraction[];
  startEntryIndex: number;
  endEntryIndex: number;
}

/**
 * Meant for scripts that passed `validateScript`; on others it returns the well-formed
 * start..end pairs it finds and skips the rest rather than throwing.
 */
export function segmentStreams(entries: readonly ScriptEntry[]): StreamSegment[] {
  const segments: StreamSegment[] = [];
  let open: Omit<StreamSegment, "endMs" | "durationMs" | "frameCount" | "endEntryIndex"> | null =
    null;
  entries.forEach((entry, entryIndex) => {
    if (entry.start) {
      open = {
        index: segments.length,
        startMs: entry.timestamp_ms,
        prompt: entry.start.prompt,
        ...(entry.start.image !== undefined && { image: entry.start.image }),
        interactions: [],
        startEntryIndex: entryIndex,
      };
    } else if (entry.interact && open) {
      open.interactions.push({
        timestampMs: entry.timestamp_ms,
        offsetMs: entry.timestamp_ms - open.startMs,
        prompt: entry.interact.prompt,
        entryIndex,
      });
    } else if (entry.end && open) {
      const durationMs = entry.timestamp_ms - open.startMs;
      segments.push({
        ...open,
        endMs: entry.timestamp_ms,
        durationMs,
        frameCount: Math.round(durationMs / FRAME_MS),
        endEntryIndex: entryIndex,
      });
      open = null;
    }
  });
  return segments;
}
