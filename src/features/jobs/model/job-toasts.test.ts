import { describe, expect, it } from "vitest";
import { renderingJob, secondsAfterStart } from "../testing/rendering-job";
import { jobResultToast, jobToastId, renderingDescription } from "./job-toasts";

const at = secondsAfterStart;

const job = (extra: Record<string, unknown>) =>
  renderingJob({ progress: { streams_done: 1, streams_total: 2, percent: 60 }, ...extra });

describe("a job's toast", () => {
  it("is one per job", () => {
    expect(jobToastId("1a2b")).toBe("job:1a2b");
    expect(jobToastId("1a2b")).not.toBe(jobToastId("5e6f"));
  });

  it("says, while rendering, streams done of total, the job's percentage, the time left and each stream's", () => {
    expect(renderingDescription(job({}), at(30))).toBe(
      "Job 1a2b3c4d is rendering: 1 of 2 streams · 60 %, about 20 s left. Stream 1: 100 %, Stream 2: 20 %.",
    );
  });

  it("names a batch's streams by script, and only the first few of many", () => {
    const streams = Array.from({ length: 6 }, (_, i) => ({
      stream_id: `s${i}`,
      script_index: i % 2,
      progress_percent: i * 10,
    }));
    const text = renderingDescription(
      job({ streams, progress: { streams_done: 0, streams_total: 6, percent: 25 } }),
      at(1),
    );
    expect(text).toBe(
      "Job 1a2b3c4d is rendering: 0 of 6 streams · 25 %, a few seconds left. Script 1 · Stream 1: 0 %, Script 2 · Stream 1: 10 %, Script 1 · Stream 2: 20 %, Script 2 · Stream 2: 30 %, and 2 more.",
    );
  });

  it("lists no streams for a one-stream job", () => {
    const one = job({
      streams: [{ stream_id: "a", progress_percent: 3 }],
      progress: { streams_done: 0, streams_total: 1, percent: 3 },
    });
    expect(renderingDescription(one, at(1))).toBe(
      "Job 1a2b3c4d is rendering: 0 of 1 stream · 3 %.",
    );
  });

  it("says nothing of progress before rendering, or from a server that reports none", () => {
    expect(renderingDescription(job({ status: "pending" }), at(1))).toBeNull();
    expect(renderingDescription(job({ progress: null }), at(1))).toBeNull();
    expect(
      renderingDescription(
        job({ progress: { streams_done: 0, streams_total: 0, percent: 0 } }),
        at(1),
      ),
    ).toBeNull();
  });

  it("ends with the videos ready, or why the job failed, and says nothing for a cancel", () => {
    expect(
      jobResultToast(job({ status: "completed", completed_at: "2030-01-01T00:00:06.000Z" })),
    ).toEqual({
      kind: "success",
      title: "Your 2 videos are ready",
      description: "Job 1a2b3c4d completed in 6 s.",
    });
    expect(jobResultToast(job({ status: "completed", streams: [{ stream_id: "a" }] }))?.title).toBe(
      "Your video is ready",
    );
    expect(jobResultToast(job({ status: "failed", error_message: "ffmpeg crashed" }))).toEqual({
      kind: "error",
      title: "Job 1a2b3c4d failed",
      description: "1 of 2 streams were rendered. ffmpeg crashed",
      duration: 15_000,
    });
    expect(jobResultToast(job({ status: "cancelled" }))).toBeNull();
    expect(jobResultToast(job({}))).toBeNull();
  });
});
