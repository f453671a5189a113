// The queue's state machine, cancellation, limits and expiry, each against its own engine
// process with the settings that make the case observable.
import { afterEach, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";

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
  it("cancels pending and dispatched jobs before they render, but not processing ones", async () => {
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

    const refused = await client.call("DELETE", `/simulation-jobs/${third}`);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/job that is processing/);
    const done = await client.waitFor(third, (s) => s === "completed");
    expect(done.streams[0].frame_count).toBe(200);
  });
});

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
    const job = await client.waitFor(jobId, (s) => s === "completed");
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
