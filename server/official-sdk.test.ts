// Odyssey's own SDK, unchanged, against the local engine: the proof of wire compatibility.
import { Odyssey } from "@odysseyml/odyssey";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineProcess, removeDataDir, shortScript, startEngine } from "./test/engine-process";
import { pngDataUrl } from "./test/fixtures";

let engine: EngineProcess;
let client: Odyssey;
const previousApiUrl = process.env.API_URL;

beforeAll(async () => {
  engine = await startEngine({ ENGINE_DISPATCH_DELAY_MS: "800" });
  // In Node the SDK reads its API root from API_URL when a client is constructed.
  process.env.API_URL = engine.api;
  client = new Odyssey({ apiKey: "ody_local_sdk_test" });
});
afterAll(async () => {
  if (previousApiUrl === undefined) delete process.env.API_URL;
  else process.env.API_URL = previousApiUrl;
  await engine?.stop();
  removeDataDir(engine.dataDir);
});

describe("@odysseyml/odyssey against the local engine", () => {
  it("simulates a portrait image-to-video script and reads its recordings", async () => {
    const job = await client.simulate({
      script: [
        { timestamp_ms: 0, start: { prompt: "a fox in snow", image: pngDataUrl(200, 300) } },
        { timestamp_ms: 500, interact: { prompt: "the fox runs" } },
        { timestamp_ms: 1000, end: {} },
      ],
      portrait: true,
    });
    expect(job.status).toBe("pending");

    let status = await client.getSimulateStatus(job.job_id);
    for (let i = 0; i < 300 && !["completed", "failed"].includes(status.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await client.getSimulateStatus(job.job_id);
    }
    expect(status.status).toBe("completed");
    const stream = status.streams[0];
    expect(stream?.frame_count).toBe(25);

    const recording = await client.getRecording(stream?.stream_id as string);
    expect(recording.duration_seconds).toBe(1);
    expect((await fetch(recording.video_url as string)).status).toBe(200);

    const recordings = await client.listStreamRecordings({ limit: 10 });
    expect(recordings.recordings[0]).toMatchObject({
      stream_id: stream?.stream_id,
      width: 704,
      height: 1280,
    });

    const list = await client.listSimulations({ limit: 5 });
    expect(list.jobs.map((j) => j.job_id)).toContain(job.job_id);
  });

  it("cancels a job and reports the engine's refusal for finished ones", async () => {
    const job = await client.simulate({ script: shortScript("to cancel") });
    const cancelled = await client.cancelSimulation(job.job_id);
    expect(cancelled.status).toBe("cancelled");
    expect((await client.getSimulateStatus(job.job_id)).status).toBe("cancelled");
    await expect(client.cancelSimulation(job.job_id)).rejects.toThrow(
      "Cannot cancel a job that is cancelled: only pending, dispatched and processing jobs can be cancelled",
    );
    await expect(client.getSimulateStatus("no-such-job")).rejects.toThrow(
      "Simulation job not found",
    );
    const active = await client.listSimulations({ active: true });
    expect(active.jobs.map((j) => j.job_id)).not.toContain(job.job_id);
  });
});
