// The browser client against real engine processes on loopback: every method, its errors,
// and token renewal, with nothing between the client and the engine but HTTP.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "../../server/test/engine-process";
import { rejection, settle } from "../test/api-helpers";
import { createSimulateClient } from "./simulate-client";

describe("the client against the local engine", () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngine({ ENGINE_API_KEYS: "key-one,key-two" });
  });
  afterAll(async () => {
    await engine.stop();
    removeDataDir(engine.dataDir);
  });

  it("creates a job, follows it to completion and reads its recordings", async () => {
    const client = createSimulateClient({ root: `${engine.api}/`, apiKey: "key-one" });
    const created = await client.createJob({
      scripts: [shortScript("a lighthouse"), shortScript("a harbour", 1200)],
      portrait: false,
    });
    expect(created.status).toBe("pending");

    const job = await settle(client, created.job_id);
    expect(job.status).toBe("completed");
    expect(job.streams.map((s) => s.script_index)).toEqual([0, 1]);
    const [first, second] = job.streams;
    expect(second?.duration_seconds).toBeCloseTo(1.2, 1);

    const recording = await client.getRecording(first?.stream_id ?? "");
    expect(recording.stream_id).toBe(first?.stream_id);
    expect(recording.frame_count).toBe(25);
    const video = await fetch(recording.video_url ?? "");
    expect(video.headers.get("content-type")).toBe("video/mp4");

    const list = await client.listJobs({ status: "completed", limit: 1 });
    expect(list.jobs.map((j) => j.job_id)).toEqual([created.job_id]);
    expect(list).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect((await client.listJobs({ active: true })).jobs).toEqual([]);

    const recordings = await client.listStreamRecordings({ limit: 1, offset: 1 });
    expect(recordings.total).toBe(2);
    expect(recordings.recordings).toHaveLength(1);
    expect(recordings.recordings[0]).toMatchObject({ width: 1280, height: 704 });
  });

  it("keeps each key's jobs to itself", async () => {
    const one = createSimulateClient({ root: engine.api, apiKey: "key-one" });
    const two = createSimulateClient({ root: engine.api, apiKey: "key-two" });
    const created = await one.createJob({ script: shortScript(), portrait: true });
    const error = await rejection(two.getJob(created.job_id));
    expect(error).toMatchObject({ kind: "http", status: 404 });
    expect(error.message).toMatch(/not found/i);
    await settle(one, created.job_id);
  });

  it("turns a refused script into an error that lists every problem", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "key-one" });
    const error = await rejection(
      client.createJob({
        script: [
          { timestamp_ms: 0, start: { prompt: " " } },
          { timestamp_ms: 2500, interact: { prompt: "rain" } },
        ],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    expect(error.issues[0]?.loc.slice(0, 3)).toEqual(["body", "script", 0]);
    expect(error.message).toContain("(422)");
    expect(error.message).toMatch(/prompt/i);
    expect(error.transient).toBe(false);
  });

  it("says a cancel came too late with the server's own words", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "key-one" });
    const created = await client.createJob({ script: shortScript() });
    await settle(client, created.job_id);
    const error = await rejection(client.cancelJob(created.job_id));
    expect(error.status).toBe(400);
    expect(typeof error.detail).toBe("string");
    expect(error.message).toContain(String(error.detail));
  });

  it("reports a refused key as a 401 that names the key", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "not-a-key" });
    const error = await rejection(client.listJobs());
    expect(error).toMatchObject({ kind: "http", status: 401 });
    expect(error.message).toMatch(/API key was not accepted/);
    expect(error.request).toEqual({ method: "POST", path: "/auth/token" });
  });
});

describe("tokens and limits", () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngine({
      ENGINE_TOKEN_TTL_SECONDS: "1",
      ENGINE_RATE_LIMIT_PER_MINUTE: "1",
    });
  });
  afterAll(async () => {
    await engine.stop();
    removeDataDir(engine.dataDir);
  });

  /** Real fetch, counting token exchanges. */
  function countingFetch() {
    const counts = { exchanges: 0, calls: 0 };
    const wrapped: typeof fetch = (input, init) => {
      counts.calls += 1;
      if (String(input).endsWith("/auth/token")) counts.exchanges += 1;
      return fetch(input, init);
    };
    return { counts, fetch: wrapped };
  }

  it("exchanges once for concurrent calls and renews before the token expires", async () => {
    let clock = 1_000_000;
    const { counts, fetch: counted } = countingFetch();
    const client = createSimulateClient({
      root: engine.api,
      apiKey: "renewing",
      fetch: counted,
      now: () => clock,
    });
    await Promise.all([client.listJobs(), client.listJobs(), client.listStreamRecordings()]);
    expect(counts.exchanges).toBe(1);

    // A one-second token is renewed a tenth of its life before its end.
    clock += 850;
    await client.listJobs();
    expect(counts.exchanges).toBe(1);
    clock += 100;
    await client.listJobs();
    expect(counts.exchanges).toBe(2);
  });

  it("gets a new token when the server no longer takes the old one", async () => {
    const { counts, fetch: counted } = countingFetch();
    // A frozen clock: the client believes its token is fresh after the server has expired it.
    const client = createSimulateClient({
      root: engine.api,
      apiKey: "expiring",
      fetch: counted,
      now: () => 0,
    });
    await client.listJobs();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const list = await client.listJobs();
    expect(list.total).toBe(0);
    expect(counts.exchanges).toBe(2);
  });

  it("names a rate limit with how long to wait", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "hasty" });
    await client.createJob({ script: shortScript() });
    const error = await rejection(client.createJob({ script: shortScript() }));
    expect(error).toMatchObject({ kind: "http", status: 429, transient: true });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/^Too many requests \(429\): Too many jobs: at most 1 a minute/);
  });
});

describe("answers that are not the Simulate API", () => {
  let server: Server;
  let root: string;
  beforeAll(async () => {
    // Not an engine: a server that answers like something else entirely.
    server = createServer((request, response) => {
      if (request.url === "/auth/token") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ access_token: "t", expires_in: 3600 }));
        return;
      }
      if (request.url === "/simulation-jobs" && request.method === "POST") {
        // A server that made the job but answers in a shape no schema reads, or with no id.
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          response.setHeader("content-type", "application/json");
          response.end(
            JSON.stringify(
              body.includes("made-it")
                ? { job_id: "job-7", status: 3, priority: [], created_at: null }
                : { status: "pending", created_at: "t" },
            ),
          );
        });
        return;
      }
      if (request.url?.startsWith("/simulation-jobs")) {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ jobs: "none", total: 0 }));
        return;
      }
      response.statusCode = 502;
      response.setHeader("content-type", "text/html");
      response.end("<html><body>Bad gateway</body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("says a body of the wrong shape does not match, naming the field", async () => {
    const client = createSimulateClient({ root, apiKey: "k" });
    const error = await rejection(client.listJobs());
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain("GET /simulation-jobs");
    expect(error.message).toContain("(jobs: Invalid input: expected array, received string)");
  });

  it("takes a create answer it cannot fully read as a job created, when it names the job", async () => {
    const client = createSimulateClient({ root, apiKey: "k" });
    const created = await client.createJob({ script: shortScript("made-it") });
    expect(created).toMatchObject({ job_id: "job-7", status: "pending" });
    expect(created.unreadable).toContain(
      "The answer to POST /simulation-jobs is not a Simulate API response",
    );
    // Without an id nothing says a job exists: that stays an error.
    const error = await rejection(client.createJob({ script: shortScript("no id") }));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain("(job_id: Invalid input: expected string, received undefined)");
  });

  it("keeps a non-JSON error page short and readable", async () => {
    const client = createSimulateClient({ root, apiKey: "k" });
    const error = await rejection(client.getRecording("x"));
    expect(error).toMatchObject({ kind: "http", status: 502 });
    expect(error.message).toContain("The server failed (502)");
    expect(error.transient).toBe(true);
  });

  it("tells a network failure apart from an error answer", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = createSimulateClient({ root: `http://127.0.0.1:${port}/api`, apiKey: "k" });
    const error = await rejection(client.listJobs());
    expect(error.kind).toBe("network");
    expect(error.status).toBeNull();
    expect(error.message).toContain(`http://127.0.0.1:${port}/api`);
  });
});
