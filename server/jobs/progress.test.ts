// Render progress as the store keeps it and the wire reports it: frames per stream, written
// while a stream renders, ignored once it is no longer rendering, and counted in the wait.
import { afterEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../db/database";
import { manualClock } from "../test/in-process-engine";
import { createJobStore } from "./job-store";
import { countsOf, streamPercent, toWireProgress } from "./progress";

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A two-stream job (4 s = 100 frames, then 2 s = 50 frames) claimed and rendering. */
function renderingJob() {
  const db = openDatabase(":memory:");
  opened.push(db);
  const store = createJobStore(db, manualClock().now);
  const job = store.createJob({
    tenant: "t",
    portrait: false,
    bypassVlm: false,
    scripts: [[]],
    streams: [
      { scriptIndex: 0, plannedMs: 4000 },
      { scriptIndex: 0, plannedMs: 2000 },
    ],
  });
  store.claimNext();
  store.moveJob(job.id, "processing");
  const [first, second] = store.streamsOf(job.id).map((s) => s.id) as [string, string];
  return { store, job, first, second };
}

const result = { frameCount: 100, durationSeconds: 4, width: 1280, height: 704, renderMs: 900 };

describe("render progress", () => {
  it("counts streams done and frames rendered, per stream and for the job", () => {
    const { store, job, first, second } = renderingJob();
    expect(toWireProgress(countsOf(store.streamsOf(job.id)))).toEqual({
      streams_done: 0,
      streams_total: 2,
      percent: 0,
    });
    store.setStreamProcessing(first);
    store.setStreamProgress(first, 50);
    expect(store.streamsOf(job.id).map(streamPercent)).toEqual([50, 0]);
    expect(toWireProgress(countsOf(store.streamsOf(job.id))).percent).toBe(33);

    store.completeStream(first, result);
    store.setStreamProcessing(second);
    store.setStreamProgress(second, 25);
    const streams = store.streamsOf(job.id);
    expect(streams.map(streamPercent)).toEqual([100, 50]);
    expect(toWireProgress(countsOf(streams))).toEqual({
      streams_done: 1,
      streams_total: 2,
      percent: 83,
    });
    // The list's one query agrees with the job's own answer.
    expect(toWireProgress(store.progressOfJobs([job.id]).get(job.id))).toEqual(
      toWireProgress(countsOf(streams)),
    );
  });

  it("says 99 % until the stream is complete, even with every frame sent", () => {
    const { store, job, first } = renderingJob();
    store.setStreamProcessing(first);
    store.setStreamProgress(first, 100);
    expect(streamPercent(store.streamsOf(job.id)[0]!)).toBe(99);
  });

  it("ignores progress that arrives after a cancel, and forgets it when the job is requeued", () => {
    const { store, job, first } = renderingJob();
    store.setStreamProcessing(first);
    store.setStreamProgress(first, 10);
    store.moveJob(job.id, "cancelled");
    store.setStreamProgress(first, 90);
    expect(store.streamsOf(job.id)[0]?.framesDone).toBe(10);

    const again = renderingJob();
    again.store.setStreamProcessing(again.first);
    again.store.setStreamProgress(again.first, 40);
    again.store.moveJob(again.job.id, "pending");
    expect(again.store.streamsOf(again.job.id)[0]?.framesDone).toBe(0);
  });

  it("leaves out of the wait what the rendering job has already rendered", () => {
    const { store, job, first } = renderingJob();
    expect(store.mediaMsAhead(job.seq)).toBe(6000);
    store.setStreamProcessing(first);
    store.setStreamProgress(first, 50);
    expect(store.mediaMsAhead(job.seq)).toBe(4000);
    store.completeStream(first, result);
    expect(store.mediaMsAhead(job.seq)).toBe(2000);
  });
});
