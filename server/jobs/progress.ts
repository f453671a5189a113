// A job's render progress as the wire reports it (`progress` and each stream's
// `progress_percent`, fields the official SDK ignores), from the frames its streams rendered.
import type { WireJobProgress } from "../../src/contract/jobs";
import { frameCountFor } from "../render/timing";
import type { ProgressCounts } from "./job-store";
import type { StreamRecord } from "./job-types";

function framesTotalOf(stream: StreamRecord): number {
  return Math.max(frameCountFor(stream.plannedMs), 1);
}

function framesDoneOf(stream: StreamRecord): number {
  const total = framesTotalOf(stream);
  return stream.status === "completed" ? total : Math.min(stream.framesDone, total);
}

/**
 * Whole percent, rounded down, and never 100 before the stream is complete: after its last
 * frame a stream still encodes its preview and checks its video.
 */
function percentOf(done: number, total: number, complete: boolean): number {
  if (complete) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}

export function streamPercent(stream: StreamRecord): number {
  return percentOf(framesDoneOf(stream), framesTotalOf(stream), stream.status === "completed");
}

export function countsOf(streams: readonly StreamRecord[]): ProgressCounts {
  return {
    streamsDone: streams.filter((s) => s.status === "completed").length,
    streamsTotal: streams.length,
    framesDone: streams.reduce((sum, s) => sum + framesDoneOf(s), 0),
    framesTotal: streams.reduce((sum, s) => sum + framesTotalOf(s), 0),
  };
}

export function toWireProgress(counts: ProgressCounts | undefined): WireJobProgress {
  if (!counts || counts.streamsTotal === 0) {
    return { streams_done: 0, streams_total: 0, percent: 0 };
  }
  const complete = counts.streamsDone === counts.streamsTotal;
  return {
    streams_done: counts.streamsDone,
    streams_total: counts.streamsTotal,
    percent: percentOf(counts.framesDone, Math.max(counts.framesTotal, 1), complete),
  };
}
