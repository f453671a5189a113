// The queue's state machine, cancellation, limits and expiry, each against its own engine
// process with the settings that make the case observable.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
  type WireBody,
} from "./test/engine-process";
import { processesMentioning } from "./test/processes";

const engines: EngineProcess[] = [];
async function engineWith(env: Record<string, string>) {
  const engine = await startEngine(env);
  engines.push(engine);
  return engine;
}
afterEach(async () => {
  for (const engine of engines.splice(0)) {
    await engine.stop("SIGKILL");
    removeDataDir(engine.dataDir);
  }
});

describe("cancelling", () => {
  it("cancels pending and dispatched jobs before they render", async () => {
    // A dispatch delay holds each job in `dispatched` long enough to cancel it there.
    const engine = await engineWith({ ENGINE_DISPATCH_DELAY_MS: "1500" });
    const client = clientFor(engine.api);
    await client.login();
    const first = (await client.call("POST", "/simulation-jobs", { script: shortScript("first") }))
      .body.job_id;
    const second = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("second") })
    ).body.job_id;

    await client.waitFor(first, (s) => s === "dispatched");
    expect((await client.call("GET", `/simulation-jobs/${second}`)).body.status).toBe("pending");

    const cancelPending = await client.call("DELETE", `/simulation-jobs/${second}`);
    expect(cancelPending.body).toEqual({ job_id: second, status: "cancelled" });
    const cancelDispatched = await client.call("DELETE", `/simulation-jobs/${first}`);
    expect(cancelDispatched.body).toEqual({ job_id: first, status: "cancelled" });

    // Past the dispatch delay, the cancelled job must not have started.
    const third = (
      await client.call("POST", "/simulation-jobs", { script: shortScript("third", 8000) })
    ).body.job_id;
    const running = await client.waitFor(third, (s) => s === "processing");
    expect(running.started_at).not.toBeNull();
    const firstNow = (await client.call("GET", `/simulation-jobs/${first}`)).body;
    expect(firstNow).toMatchObject({ status: "cancelled", started_at: null });
    expect(firstNow.streams[0]).toMatchObject({ status: "cancelled", video_url: null });

    const done = await client.waitFor(third, (s) => s === "completed");
    expect(done.streams[0].frame_count).toBe(200);
  });

  it("stops a render cancelled while processing, removes its partial files and takes the next job", async () => {
    const engine = await engineWith({});
    const client = clientFor(engine.api);
    await client.login();
    // A second of video, then ten minutes of it: minutes of rendering, so the next job
    // completes within the test's polling only if the cancel really freed the worker.
    const long = (
      await client.call("POST", "/simulation-jobs", {
        script: [
          { timestamp_ms: 0, start: { prompt: "finished first" } },
          { timestamp_ms: 1000, end: {} },
          { timestamp_ms: 1000, start: { prompt: "long" } },
          { timestamp_ms: 601_000, end: {} },
        ],
      })
    ).body.job_id;
    const next = (await client.call("POST", "/simulation-jobs", { script: shortScript("next") }))
      .body.job_id;
    const rendering = await client.waitFor(long, (s) => s === "processing");
    const [finishedId, longId] = rendering.streams.map((s: WireBody) => s.stream_id as string);
    const dirOf = (streamId: string) => path.join(engine.dataDir, "artifacts", streamId);
    // The first stream done, the second's partial files on disk and an ffmpeg writing them.
    for (let i = 0; i < 300 && partialFilesIn(dirOf(longId)).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(partialFilesIn(dirOf(longId))).not.toEqual([]);
    expect(processesMentioning(longId)).not.toEqual([]);

    const cancelled = await client.call("DELETE", `/simulation-jobs/${long}`);
    expect(cancelled.body).toEqual({ job_id: long, status: "cancelled" });
    // It answers once the render has stopped: nothing works on the stream's files, and the
    // unfinished stream's folder is gone. The finished stream keeps its recording.
    expect(processesMentioning(longId)).toEqual([]);
    expect(existsSync(dirOf(longId))).toBe(false);
    expect(readdirSync(dirOf(finishedId)).sort()).toEqual([
      "events.json",
      "preview.mp4",
      "thumbnail.jpg",
      "video.mp4",
    ]);
    const job = (await client.call("GET", `/simulation-jobs/${long}`)).body;
    expect(job).toMatchObject({ status: "cancelled", started_at: expect.any(String) });
    expect(job.streams[0]).toMatchObject({ status: "completed", frame_count: 25 });
    expect(job.streams[1]).toMatchObject({ status: "cancelled", video_url: null });

    const done = await client.waitFor(next, (s) => s === "completed");
    expect(done.streams[0].frame_count).toBe(25);
    expect((await client.call("GET", `/simulation-jobs/${long}`)).body.status).toBe("cancelled");
    const again = await client.call("DELETE", `/simulation-jobs/${long}`);
    expect(again.status).toBe(400);
    expect(again.body.detail).toBe(
      "Cannot cancel a job that is cancelled: only pending, dispatched and processing jobs can be cancelled",
    );
  });
});

const partialFilesIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(".partial")) : [];

describe("limits", () => {
  it("rate limits job creation per key with Retry-After", async () => {
    const engine = await engineWith({
      ENGINE_RATE_LIMIT_PER_MINUTE: "2",
      ENGINE_DISPATCH_DELAY_MS: "60000",
    });
    const client = clientFor(engine.api);
    await client.login("busy");
    expect((await client.call("POST", "/simulation-jobs", { script: shortScript() })).status).toBe(
      200,
    );
    expect((await client.call("POST", "/simulation-jobs", { script: shortScript() })).status).toBe(
      200,
    );
    const limited = await client.call("POST", "/simulation-jobs", { script: shortScript() });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.detail).toMatch(/at most 2 a minute per API key/);
    const other = clientFor(engine.api);
    await other.login("calm");
    expect((await other.call("POST", "/simulation-jobs", { script: shortScript() })).status).toBe(
      200,
    );
  });

  it("accepts only the listed keys when ENGINE_API_KEYS is set", async () => {
    const engine = await engineWith({ ENGINE_API_KEYS: "alpha, beta" });
    const client = clientFor(engine.api);
    const refused = await client.call("POST", "/auth/token", { api_key: "gamma" });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe("Invalid API key");
    expect((await client.call("POST", "/auth/token", { api_key: "beta" })).status).toBe(200);
  });
});

describe("expiry", () => {
  it("expires tokens and presigned URLs", async () => {
    const engine = await engineWith({ ENGINE_TOKEN_TTL_SECONDS: "2", ENGINE_URL_TTL_SECONDS: "1" });
    const client = clientFor(engine.api);
    const login = await client.login();
    expect(login.body.expires_in).toBe(2);
    const jobId = (await client.call("POST", "/simulation-jobs", { script: shortScript() })).body
      .job_id;
    // Rendering can outlast the 2 s token on a busy machine, so the wait logs in again
    // whenever the token lapses; the token and the link under test are both issued after it.
    for (const deadline = Date.now() + 50_000; ;) {
      const polled = await client.call("GET", `/simulation-jobs/${jobId}`);
      if (polled.status === 401) await client.login();
      else if (polled.body.status === "completed") break;
      if (Date.now() > deadline) throw new Error(`job ${jobId} did not complete`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.login();
    const job = (await client.call("GET", `/simulation-jobs/${jobId}`)).body;
    const url = job.streams[0].video_url as string;

    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { detail: string }).detail).toBe(
      "This link has expired: fetch the recording again for a fresh one",
    );
    expect((await client.call("GET", `/simulation-jobs/${jobId}`)).status).toBe(401);

    await client.login();
    const fresh = await client.call("GET", `/recordings/${job.streams[0].stream_id}`);
    expect((await fetch(fresh.body.video_url as string)).status).toBe(200);
  });
});

describe("the wait estimate", () => {
  it("grows with the media queued ahead", async () => {
    const engine = await engineWith({ ENGINE_DISPATCH_DELAY_MS: "60000" });
    const client = clientFor(engine.api);
    await client.login();
    const estimates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await client.call("POST", "/simulation-jobs", {
        script: shortScript("minute", 60_000),
      });
      estimates.push(created.body.estimated_wait_minutes as number);
    }
    // Nothing rendered yet, so the engine assumes its 2x-real-time target: 0.5 min per minute queued.
    expect(estimates).toEqual([0.5, 1, 1.5]);
  });
});
