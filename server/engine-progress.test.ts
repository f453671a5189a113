// Render progress end to end in process: a real render reports its frames through the render
// process and the runner, and the job's answer and the list carry it as fields the SDK ignores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireBody } from "./test/engine-process";
import { type InProcessEngine, startInProcessEngine } from "./test/in-process-engine";

describe("progress on the wire", () => {
  let engine: InProcessEngine;
  beforeAll(async () => {
    engine = await startInProcessEngine({}, { database: ":memory:" });
    engine.engine.startQueue();
    await engine.login();
  });
  afterAll(async () => {
    await engine.close();
  });

  it("reports streams done of total and a percentage per stream while a job renders", async () => {
    const created = await engine.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: "a long harbour at dusk" } },
        { timestamp_ms: 6000, end: {} },
        { timestamp_ms: 6000, start: { prompt: "a long road at dawn" } },
        { timestamp_ms: 12_000, end: {} },
      ],
      portrait: false,
      output_video: true,
    });
    expect(created.status).toBe(200);
    const jobId = created.body.job_id as string;

    // Every answer seen while the job runs; the test's timeout bounds the wait.
    const seen: WireBody[] = [];
    let job: WireBody;
    for (;;) {
      job = (await engine.call("GET", `/simulation-jobs/${jobId}`)).body;
      seen.push(job);
      if (job.status === "completed" || job.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(job.status).toBe("completed");
    expect(job.progress).toEqual({ streams_done: 2, streams_total: 2, percent: 100 });
    expect(job.streams.map((s: WireBody) => s.progress_percent)).toEqual([100, 100]);

    const midway = seen.filter(
      (answer) => answer.status === "processing" && answer.progress.percent > 0,
    );
    expect(midway.length).toBeGreaterThan(0);
    for (const answer of midway) {
      expect(answer.progress.streams_total).toBe(2);
      expect(answer.progress.percent).toBeLessThan(100);
      const percents = answer.streams.map((s: WireBody) => s.progress_percent as number);
      expect(answer.progress.streams_done).toBe(percents.filter((p: number) => p === 100).length);
    }
    // The first stream's frames move before the job's second stream starts.
    expect(
      midway.some((a) => a.progress.streams_done === 0 && a.streams[0].progress_percent > 0),
    ).toBe(true);
    const percents = seen.map((answer) => answer.progress.percent as number);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    const listed = await engine.call("GET", "/simulation-jobs");
    expect(listed.body.jobs[0]).toMatchObject({
      job_id: jobId,
      progress: { streams_done: 2, streams_total: 2, percent: 100 },
    });
  }, 60_000);
});
