// A job part-way through its render, as the jobs feature's tests start from.
import { jobSchema } from "../../../contract/jobs";

export const STARTED_AT = "2030-01-01T00:00:00.000Z";

/** The time `seconds` after the job started, in ms since the epoch. */
export const secondsAfterStart = (seconds: number) => Date.parse(STARTED_AT) + seconds * 1000;

/** A processing job with two streams, the first rendered and the second at 20 %. */
export function renderingJob(extra: Record<string, unknown> = {}) {
  return jobSchema.parse({
    job_id: "1a2b3c4d-e5f6",
    status: "processing",
    created_at: STARTED_AT,
    started_at: STARTED_AT,
    streams: [
      { stream_id: "a", script_index: 0, progress_percent: 100 },
      { stream_id: "b", script_index: 0, progress_percent: 20 },
    ],
    ...extra,
  });
}
