// Nothing acknowledged lives only in memory: kill -9 the engine mid-render and start it again.
// A render process killed under a living engine is the job's try; an engine killed is not.
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";
import { commandLine, renderProcessesOf } from "./test/processes";

let engine: EngineProcess | null = null;
let dataDir = "";
afterEach(async () => {
  await engine?.stop("SIGKILL");
  if (dataDir) removeDataDir(dataDir);
  dataDir = "";
});

const STREAM_FILES = ["events.json", "preview.mp4", "thumbnail.jpg", "video.mp4"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it answers something other than null; bounded, never timed. */
async function until<T>(what: string, check: () => Promise<T | null> | T | null): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = await check();
    if (found !== null) return found;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function killWhileProcessing(jobId: string): Promise<void> {
  const client = clientFor((engine as EngineProcess).api);
  await client.login("recovery");
  await client.waitFor(jobId, (s) => s === "processing");
  await (engine as EngineProcess).stop("SIGKILL");
}

/** Kills the render process of a job once it renders, and returns the pid it had. */
async function killRenderProcess(
  client: ReturnType<typeof clientFor>,
  jobId: string,
  killed: Set<number>,
): Promise<number> {
  const enginePid = (engine as EngineProcess).child.pid as number;
  const pid = await until(`a render process for job ${jobId}`, async () => {
    const status = (await client.call("GET", `/simulation-jobs/${jobId}`)).body.status;
    const fresh = renderProcessesOf(enginePid).filter((p) => !killed.has(p));
    return status === "processing" && fresh.length === 1 ? (fresh[0] as number) : null;
  });
  process.kill(pid, "SIGKILL");
  killed.add(pid);
  return pid;
}

/** A stream's folder holds exactly its four files, and its videos decode from end to end. */
function expectIntactStream(streamId: string): void {
  const dir = path.join(dataDir, "artifacts", streamId);
  expect(readdirSync(dir).sort()).toEqual(STREAM_FILES);
  for (const video of ["video.mp4", "preview.mp4"]) {
    const decoded = spawnSync(ffmpegInstaller.path, [
      "-v",
      "error",
      "-i",
      path.join(dir, video),
      "-f",
      "null",
      "-",
    ]);
    expect({ video, status: decoded.status, errors: decoded.stderr.toString() }).toEqual({
      video,
      status: 0,
      errors: "",
    });
  }
}

describe("restart recovery", () => {
  it("puts a job killed mid-render back in the queue and completes it, counting no try", async () => {
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
    expect(job).toMatchObject({ status: "completed", retry_count: 0 });
    expect(job.streams[0].frame_count).toBe(375);
    expect((await again.call("GET", `/simulation-jobs/${queued}`)).body.status).toBe("completed");
    // The interrupted render left no half-written files behind.
    expectIntactStream(job.streams[0].stream_id as string);
  });

  it("survives 10 kills of the whole engine at random moments of its renders, losing nothing", async () => {
    // Printed on failure, so a failing run can be repeated with SOAK_SEED.
    const seed = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    engine = await startEngine();
    dataDir = engine.dataDir;
    let client = clientFor(engine.api);
    await client.login("soak");
    const seconds = [6, 5, 6, 5];
    const jobIds: string[] = [];
    for (const [i, length] of seconds.entries()) {
      const created = await client.call("POST", "/simulation-jobs", {
        script: shortScript(`soak ${i + 1}`, length * 1000),
      });
      jobIds.push(created.body.job_id as string);
    }

    const kills = 10;
    for (let kill = 0; kill < kills; kill++) {
      // Spread over the four jobs: the 1st..3rd kill while job 1 renders, the 4th and 5th
      // while job 2 does, and so on; each at a random moment of about a render's length.
      const target = jobIds[Math.floor((kill * jobIds.length) / kills)] as string;
      await until(`job ${target} to render (seed ${seed})`, async () => {
        const status = (await client.call("GET", `/simulation-jobs/${target}`)).body.status;
        return status === "processing" || status === "completed" ? status : null;
      });
      await sleep(random() * 900);
      await engine.stop("SIGKILL");
      engine = await startEngine({}, dataDir);
      client = clientFor(engine.api);
      await client.login("soak");
    }

    for (const [i, jobId] of jobIds.entries()) {
      const job = await client.waitFor(jobId, (s) => s === "completed" || s === "failed");
      expect({ seed, job: job.status, retries: job.retry_count }).toEqual({
        seed,
        job: "completed",
        retries: 0,
      });
      expect(job.streams[0].frame_count).toBe((seconds[i] as number) * 25);
      expectIntactStream(job.streams[0].stream_id as string);
    }
    // Read while the engine runs: it holds the WAL's shared memory a reader needs.
    const db = new Database(path.join(dataDir, "engine.sqlite3"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.close();
    }
  }, 240_000);
});

describe("render process crashes", () => {
  it("counts each as a try: three fail the job with the cause in words", async () => {
    engine = await startEngine();
    dataDir = engine.dataDir;
    const client = clientFor(engine.api);
    await client.login("crashes");
    const jobId = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("doomed", 60_000) })
    ).body.job_id;
    const killed = new Set<number>();
    for (let crash = 1; crash <= 3; crash++) await killRenderProcess(client, jobId, killed);
    const job = await client.waitFor(jobId, (s) => s === "failed" || s === "completed");
    expect(job).toMatchObject({
      status: "failed",
      retry_count: 3,
      error_message:
        "The render process stopped unexpectedly (SIGKILL) 3 times while rendering this job.",
    });
    expect(job.streams[0]).toMatchObject({
      status: "failed",
      error_message: "the render process stopped unexpectedly (SIGKILL)",
    });
    // The engine itself lives on.
    expect(engine.child.exitCode).toBeNull();
    expect((await client.call("GET", `/simulation-jobs/${jobId}`)).status).toBe(200);
  });

  it("retries a job whose render process was killed once, and completes it whole", async () => {
    engine = await startEngine({ ENGINE_RENDER_MEMORY_MB: "512" });
    dataDir = engine.dataDir;
    const client = clientFor(engine.api);
    await client.login("crashes");
    const jobId = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("unlucky", 8000) })
    ).body.job_id;
    const enginePid = engine.child.pid as number;
    const killed = new Set<number>();
    const pid = await until("a render process", () => renderProcessesOf(enginePid)[0] ?? null);
    // Each render process runs with the configured heap limit.
    expect(commandLine(pid)).toContain("--max-old-space-size=512");
    await killRenderProcess(client, jobId, killed);
    const job = await client.waitFor(jobId, (s) => s === "failed" || s === "completed");
    expect(job).toMatchObject({ status: "completed", retry_count: 1, error_message: null });
    expect(job.streams[0].frame_count).toBe(200);
    expectIntactStream(job.streams[0].stream_id as string);
  });
});

/** A small seeded generator, so a soak run's moments can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
