// Nothing acknowledged lives only in memory: kill -9 the engine mid-render and start it again.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";

let engine: EngineProcess | null = null;
let dataDir = "";
afterEach(async () => {
  await engine?.stop("SIGKILL");
  if (dataDir) removeDataDir(dataDir);
});

async function killWhileProcessing(jobId: string): Promise<void> {
  const client = clientFor((engine as EngineProcess).api);
  await client.login("recovery");
  await client.waitFor(jobId, (s) => s === "processing");
  await (engine as EngineProcess).stop("SIGKILL");
}

describe("restart recovery", () => {
  it("puts a job killed mid-render back in the queue and completes it", async () => {
    engine = await startEngine();
    dataDir = engine.dataDir;
    const client = clientFor(engine.api);
    await client.login("recovery");
    const queued = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("queued") })
    ).body.job_id;
    const jobId = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("long", 15000) })
    ).body.job_id;
    // The first job is oldest, so it runs first; kill while the long one renders.
    await client.waitFor(queued, (s) => s === "completed");
    await killWhileProcessing(jobId);

    engine = await startEngine({}, dataDir);
    expect(engine.output()).toMatch(/1 job\(s\) back in the queue/);
    const again = clientFor(engine.api);
    await again.login("recovery");
    const job = await again.waitFor(jobId, (s) => s === "completed" || s === "failed");
    expect(job).toMatchObject({ status: "completed", retry_count: 1 });
    expect(job.streams[0].frame_count).toBe(375);
    expect((await again.call("GET", `/simulation-jobs/${queued}`)).body.status).toBe("completed");
    // The interrupted render left no half-written files behind.
    const dir = path.join(dataDir, "artifacts", job.streams[0].stream_id as string);
    expect(readdirSync(dir).sort()).toEqual([
      "events.json",
      "preview.mp4",
      "thumbnail.jpg",
      "video.mp4",
    ]);
  });

  it("fails a job with a clear message after three interrupted tries", async () => {
    engine = await startEngine();
    dataDir = engine.dataDir;
    const client = clientFor(engine.api);
    await client.login("recovery");
    const jobId = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("doomed", 30000) })
    ).body.job_id;
    await killWhileProcessing(jobId);
    for (let restart = 1; restart <= 2; restart++) {
      engine = await startEngine({}, dataDir);
      await killWhileProcessing(jobId);
    }
    engine = await startEngine({}, dataDir);
    const again = clientFor(engine.api);
    await again.login("recovery");
    const job = (await again.call("GET", `/simulation-jobs/${jobId}`)).body;
    expect(job).toMatchObject({ status: "failed", retry_count: 3 });
    expect(job.error_message).toBe(
      "The engine stopped 3 times while running this job, so it was given up.",
    );
    expect(existsSync(path.join(dataDir, "engine.sqlite3"))).toBe(true);
  });
});
