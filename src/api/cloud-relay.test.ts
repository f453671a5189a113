// The browser client against a server shaped like Odyssey's cloud (the cloud stand-in), both
// straight and through the studio server's relay, in process over real HTTP: what passes, what
// the relay refuses, and that the cloud's answers reach the caller unchanged.
import { Odyssey } from "@odysseyml/odyssey";
import Fastify from "fastify";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { buildEngine, type Engine } from "../../server/app";
import { readConfig } from "../../server/config";
import { type CloudStandIn, startCloudStandIn } from "../../server/test/cloud-stand-in";
import { removeDataDir, shortScript } from "../../server/test/engine-process";
import { postDeclaringLength } from "../../server/test/post-declaring-length";
import { rejection, settle } from "../test/api-helpers";
import type { ApiError } from "./api-error";
import { createSimulateClient } from "./simulate-client";

/** A studio server (engine, no studio files) whose relay points at `upstream`. */
async function startServer(upstream: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-relay-test-"));
  const config = {
    ...readConfig({ DATA_DIR: dataDir, PORT: "0", ODYSSEY_API_URL: upstream, ...env }, []),
    serveStudio: false,
  };
  const engine: Engine = await buildEngine(config);
  await engine.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = engine.app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    relay: `${url}/relay`,
    async close() {
      await engine.app.close();
      removeDataDir(dataDir);
    },
  };
}

let cloud: CloudStandIn;
beforeAll(async () => {
  cloud = await startCloudStandIn({
    stageMs: 300,
    quotaJobs: 4,
    keys: ["ody_creator", "ody_server", "ody_direct"],
  });
});
afterAll(async () => {
  await cloud?.close();
});

describe("the client straight to the cloud", () => {
  it("reads every answer the cloud gives, as the SDK's types allow", async () => {
    const client = createSimulateClient({ root: cloud.api, apiKey: "ody_direct" });
    // The cloud sends expires_in as text: the token is still timed, not renewed every call.
    expect((await client.exchangeToken()).expires_in).toBe(3600);
    const created = await client.createJob({
      scripts: [shortScript("straight one"), shortScript("straight two", 1500)],
    });
    expect(created).toMatchObject({ status: "pending", priority: "normal", unreadable: null });
    expect((await client.listJobs({ active: true })).jobs[0]).toMatchObject({
      job_id: created.job_id,
      priority: "normal",
    });
    const job = await settle(client, created.job_id);
    expect(job.streams.map((stream) => stream.script_index)).toEqual([0, 1]);
    expect(job.streams[1]?.duration_seconds).toBe(1.5);
    const recording = await client.getRecording(job.streams[0]?.stream_id ?? "");
    expect(recording.video_url).toMatch(/X-Amz-Signature=/);
  });
});

describe("the relay with each caller's own key", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const logged: unknown[][] = [];
  beforeAll(async () => {
    server = await startServer(cloud.api);
  });
  // Per test: the config restores every spy before each one.
  beforeEach(() => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      });
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it("says in /api/health that it relays the cloud without a key of its own", async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toEqual({
      status: "ok",
      relay: { path: "/relay", upstream: cloud.api, key_held_by_server: false },
    });
  });

  it("carries a job from submit to a downloaded video, with the cloud's answers unchanged", async () => {
    const client = createSimulateClient({ root: server.relay, apiKey: "ody_creator" });
    const created = await client.createJob({ script: shortScript("through the relay", 1200) });
    expect(created).toMatchObject({ status: "pending", priority: "normal", unreadable: null });

    const job = await settle(client, created.job_id);
    expect(job.status).toBe("completed");
    const stream = job.streams[0];
    expect(stream?.video_url?.startsWith(cloud.filesOrigin)).toBe(true);
    expect((await client.listJobs({ limit: 1 })).jobs[0]?.job_id).toBe(created.job_id);
    expect((await client.listStreamRecordings()).recordings[0]?.stream_id).toBe(stream?.stream_id);

    // The file, named for saving, from the recording the relay looked up for this caller.
    const token = (await client.exchangeToken()).access_token;
    const file = await fetch(
      `${server.relay}/recordings/${stream?.stream_id}/files/video?download=1&name=My take (1).mp4`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("video/mp4");
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="My-take-1-.mp4"');
    const direct = await fetch(stream?.video_url ?? "");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(Buffer.from(await direct.arrayBuffer()));

    const events = await fetch(`${server.relay}/recordings/${stream?.stream_id}/files/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(events.headers.get("content-disposition")).toBeNull();
    expect(JSON.stringify(await events.json())).toContain("through the relay");
  });

  it("passes the cloud's refusals through: a bad key, a cancel too late, a quota object", async () => {
    const badKey = await rejection(
      createSimulateClient({ root: server.relay, apiKey: "ody_unknown" }).exchangeToken(),
    );
    expect(badKey).toMatchObject({ status: 401, detail: "Invalid API key" });

    const client = createSimulateClient({ root: server.relay, apiKey: "ody_creator" });
    const created = await client.createJob({ script: shortScript("late cancel", 5000) });
    for (let i = 0; i < 100 && (await client.getJob(created.job_id)).status !== "processing"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const late = await rejection(client.cancelJob(created.job_id));
    expect(late).toMatchObject({ status: 400, detail: "Cannot cancel job in processing state" });
    expect(late.message).toBe("The request failed (400): Cannot cancel job in processing state.");

    let quota: ApiError | null = null;
    for (let i = 0; i < 5 && quota === null; i++) {
      quota = await client.createJob({ script: shortScript() }).then(
        () => null,
        (error: ApiError) => error,
      );
    }
    expect(quota?.status).toBe(429);
    expect(quota?.detail).toMatchObject({
      message: "Monthly simulation limit reached",
      limit: 4,
      used: 4,
    });
    expect(quota?.message).toMatch(
      /^Too many requests \(429\): Monthly simulation limit reached \(4 of 4 used\)\. Upgrade your plan/,
    );
    expect(quota?.retryAfterSeconds).toBe(3600);
  });

  it("lets the official SDK work through it unchanged", async () => {
    const previous = process.env.API_URL;
    process.env.API_URL = server.relay;
    const sdk = new Odyssey({ apiKey: "ody_server" });
    if (previous === undefined) delete process.env.API_URL;
    else process.env.API_URL = previous;
    const job = await sdk.simulate({ script: shortScript("from the SDK") });
    expect(typeof job.priority).toBe("string");
    const status = await sdk.getSimulateStatus(job.job_id);
    expect(status.job_id).toBe(job.job_id);
  });

  it("answers only the contract's routes, forwarding only their own query parameters", async () => {
    const token = (
      await createSimulateClient({ root: server.relay, apiKey: "ody_creator" }).exchangeToken()
    ).access_token;
    const auth = { authorization: `Bearer ${token}` };
    for (const [method, route] of [
      ["GET", "/health"],
      ["POST", "/sessions/request"],
      ["GET", "/auth/token"],
      ["PUT", "/simulation-jobs"],
      ["GET", "/simulation-jobs/a%2F..%2F..%2Fhealth"],
      ["GET", "/simulation-jobs/..%2Fhealth"],
      ["GET", "/recordings/x/files/secrets"],
    ] as const) {
      const answer = await fetch(`${server.relay}${route}`, { method, headers: auth });
      expect([404, 405], `${method} ${route}`).toContain(answer.status);
    }
    const list = await fetch(`${server.relay}/simulation-jobs?limit=1&user_id=someone`, {
      headers: auth,
    });
    expect(await list.json()).toMatchObject({ limit: 1 });
  });

  it("refuses other web pages and other host names", async () => {
    const body = JSON.stringify({ api_key: "ody_creator" });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.relay}/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    expect((await post({ origin: server.url })).status).toBe(200);
    expect((await post({ "sec-fetch-site": "same-origin" })).status).toBe(200);

    const foreign = await post({ origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).detail).toMatch(/https:\/\/evil\.example are not allowed/);
    expect((await post({ origin: "http://127.0.0.1:1" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();

    // DNS rebinding: a page whose own name resolves here still says its name in Host, which
    // fetch will not let a test set, so this one goes through node:http.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.relay}/auth/token`, {
        method: "POST",
        headers: { host: "evil.example", "content-type": "application/json" },
      });
      req.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(403);
  });

  it("has logged no key it forwarded", () => {
    // Everything above sent ody_creator through the relay, including refusals and failures.
    expect(JSON.stringify(logged)).not.toContain("ody_creator");
  });

  it("keeps to the engine's body limit", async () => {
    const tooLarge = await postDeclaringLength(
      `${server.relay}/simulation-jobs`,
      "t",
      31 * 1024 * 1024,
    );
    expect(tooLarge.status).toBe(413);
  });
});

describe("the relay behind a proxy", () => {
  it("takes ENGINE_PUBLIC_ORIGIN's pages as the studio's own, and no others", async () => {
    const server = await startServer(cloud.api, { ENGINE_PUBLIC_ORIGIN: "https://studio.example" });
    try {
      const post = (origin: string) =>
        fetch(`${server.relay}/auth/token`, {
          method: "POST",
          headers: { "content-type": "application/json", origin },
          body: JSON.stringify({ api_key: "ody_creator" }),
        });
      expect((await post("https://studio.example")).status).toBe(200);
      expect((await post("https://other.example")).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe("the relay with a key held by the server", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer(cloud.api, { ODYSSEY_API_KEY: "ody_server" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("uses its own key whatever the page sends, and says so in /api/health", async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.relay.key_held_by_server).toBe(true);
    // The cloud stand-in takes only ody_creator and ody_server: "not-a-key" forwarded as sent
    // would be refused with a 401, so only the server's key makes this work.
    const client = createSimulateClient({ root: server.relay, apiKey: "not-a-key" });
    const created = await client.createJob({ script: shortScript("on the server's key") });
    expect(cloud.jobs().map((job) => job.job_id)).toContain(created.job_id);
    expect((await client.getJob(created.job_id)).job_id).toBe(created.job_id);
  });
});

describe("the relay when the cloud does not answer", () => {
  it("says the cloud could not be reached, or did not answer in time", async () => {
    const silent = Fastify({ forceCloseConnections: true });
    silent.all("/*", () => new Promise(() => undefined));
    await silent.listen({ host: "127.0.0.1", port: 0 });
    const { port } = silent.server.address() as { port: number };
    const slow = await startServer(`http://127.0.0.1:${port}`, {
      ODYSSEY_API_TIMEOUT_SECONDS: "1",
    });
    const gone = await startServer("http://127.0.0.1:9");
    try {
      const timedOut = await rejection(
        createSimulateClient({ root: slow.relay, apiKey: "ody_creator" }).exchangeToken(),
      );
      expect(timedOut.status).toBe(504);
      expect(timedOut.detail).toBe(
        `the Simulate API at http://127.0.0.1:${port} did not answer within 1 s.`,
      );
      const unreachable = await rejection(
        createSimulateClient({ root: gone.relay, apiKey: "ody_creator" }).exchangeToken(),
      );
      expect(unreachable.status).toBe(502);
      expect(unreachable.detail).toMatch(
        /^The studio's server could not reach the Simulate API at http:\/\/127\.0\.0\.1:9/,
      );
    } finally {
      await slow.close();
      await gone.close();
      await silent.close();
    }
  });
});
