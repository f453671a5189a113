// The warm pool of render processes, seen from outside an engine process: one process serves
// job after job, and one whose render was cancelled, or that crashed idle, is replaced.
import { afterEach, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";
import { renderProcessesOf } from "./test/processes";

let engine: EngineProcess | null = null;
afterEach(async () => {
  await engine?.stop("SIGKILL");
  if (engine) removeDataDir(engine.dataDir);
  engine = null;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The engine's one render process, once exactly one is running and it is not `other`. */
async function soleRenderProcess(enginePid: number, other?: number): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const pids = renderProcessesOf(enginePid);
    if (pids.length === 1 && pids[0] !== other) return pids[0] as number;
    await sleep(100);
  }
  throw new Error(`no single fresh render process: ${renderProcessesOf(enginePid).join(", ")}`);
}

describe("the render pool", () => {
  it("renders job after job in one warm process, and replaces it after a cancel or a crash", async () => {
    engine = await startEngine();
    const enginePid = engine.child.pid as number;
    const client = clientFor(engine.api);
    await client.login("pool");
    const submit = async (script: unknown) =>
      (await client.call("POST", "/simulation-jobs", { script })).body.job_id as string;
    const completes = async (jobId: string) =>
      expect((await client.waitFor(jobId, (s) => s === "completed" || s === "failed")).status).toBe(
        "completed",
      );

    // Warm before any job: started with the queue.
    const warm = await soleRenderProcess(enginePid);
    await completes(await submit(shortScript("first")));
    await completes(await submit(shortScript("second")));
    expect(renderProcessesOf(enginePid)).toEqual([warm]);

    // A cancelled render leaves its process in an unknown state: it is killed and replaced.
    const long = await submit(shortScript("long", 600_000));
    await client.waitFor(long, (s) => s === "processing");
    expect((await client.call("DELETE", `/simulation-jobs/${long}`)).status).toBe(200);
    const afterCancel = await soleRenderProcess(enginePid, warm);
    await completes(await submit(shortScript("after the cancel")));
    expect(renderProcessesOf(enginePid)).toEqual([afterCancel]);

    // A process that dies between jobs is replaced too, and no job pays for it.
    process.kill(afterCancel, "SIGKILL");
    const afterCrash = await soleRenderProcess(enginePid, afterCancel);
    const job = await submit(shortScript("after the crash"));
    await completes(job);
    expect((await client.call("GET", `/simulation-jobs/${job}`)).body.retry_count).toBe(0);
    expect(renderProcessesOf(enginePid)).toEqual([afterCrash]);
  });
});
