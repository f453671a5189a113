// Odyssey's own SDK, unchanged, against the cloud stand-in: proof that the stand-in is shaped
// like the hosted API as the SDK's types describe it, so tests that use it test the cloud path.
import { Odyssey } from "@odysseyml/odyssey";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStreamEvents } from "../src/contract/events";
import { type CloudStandIn, startCloudStandIn } from "./test/cloud-stand-in";
import { pngDataUrl } from "./test/fixtures";

const STAGE_MS = 300;
const TTL_SECONDS = 60;

// The main stand-in runs on a hand-driven clock, so every status a test sees is the one it
// asked for; the quota stand-in keeps the real clock, to prove jobs also progress on their own.
let clock = Date.now();
const advance = (ms: number) => (clock += ms);
let cloud: CloudStandIn;
let quotaCloud: CloudStandIn;
let client: Odyssey;
let otherTenant: Odyssey;

/** An SDK client for `root`: in Node it reads its API root from API_URL when constructed. */
function sdkFor(root: string, apiKey: string): Odyssey {
  const previous = process.env.API_URL;
  process.env.API_URL = root;
  try {
    return new Odyssey({ apiKey });
  } finally {
    if (previous === undefined) delete process.env.API_URL;
    else process.env.API_URL = previous;
  }
}

async function token(root: string, apiKey: string): Promise<string> {
  const response = await fetch(`${root}/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ api_key: apiKey }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  [cloud, quotaCloud] = await Promise.all([
    startCloudStandIn({
      stageMs: STAGE_MS,
      quotaJobs: 50,
      now: () => clock,
      urlTtlSeconds: TTL_SECONDS,
    }),
    startCloudStandIn({ stageMs: 100, quotaJobs: 2 }),
  ]);
  client = sdkFor(cloud.api, "ody_standin_tenant_a");
  otherTenant = sdkFor(cloud.api, "ody_standin_tenant_b");
});
afterAll(async () => {
  await Promise.all([cloud?.close(), quotaCloud?.close()]);
});

describe("@odysseyml/odyssey against the cloud stand-in", () => {
  let jobId: string;
  let streamIds: string[];

  it("runs a two-stream image-to-video script and serves its files like presigned storage", async () => {
    const job = await client.simulate({
      script: [
        { timestamp_ms: 0, start: { prompt: "a lighthouse at dusk", image: pngDataUrl(128, 96) } },
        { timestamp_ms: 1500, interact: { prompt: "the beam sweeps the sea" } },
        { timestamp_ms: 3000, end: {} },
        { timestamp_ms: 3000, start: { prompt: "a harbour at night" } },
        { timestamp_ms: 4000, end: {} },
      ],
      portrait: false,
    });
    expect(job.status).toBe("pending");
    expect(typeof job.priority).toBe("string");
    // Fields the SDK does not declare come along, as they may from the hosted API.
    expect(job).toHaveProperty("model");
    jobId = job.job_id;

    const seen = new Set<string>();
    let status = await client.getSimulateStatus(jobId);
    seen.add(status.status);
    for (let i = 0; i < 20 && status.status !== "completed"; i++) {
      advance(STAGE_MS / 3);
      status = await client.getSimulateStatus(jobId);
      seen.add(status.status);
    }
    expect(status.status).toBe("completed");
    expect([...seen]).toEqual(["pending", "dispatched", "processing", "completed"]);
    expect(status.assigned_region).toBe("us-east-1");
    expect(status.streams.map((s) => [s.script_index, s.frame_count, s.duration_seconds])).toEqual([
      [0, 75, 3],
      [0, 25, 1],
    ]);
    for (const stream of status.streams) {
      for (const url of [stream.video_url, stream.events_url, stream.thumbnail_url]) {
        expect(url?.startsWith(`${cloud.filesOrigin}/bucket/${stream.stream_id}/`)).toBe(true);
      }
    }
    streamIds = status.streams.map((s) => s.stream_id);

    const recording = await client.getRecording(streamIds[0] as string);
    expect(recording).toMatchObject({ stream_id: streamIds[0], frame_count: 75 });
    const videoUrl = recording.video_url as string;

    const video = await fetch(videoUrl);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    // Presigned storage sends no CORS headers: a <video> plays it, a cross-origin fetch cannot.
    expect(video.headers.get("access-control-allow-origin")).toBeNull();
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const range = await fetch(videoUrl, { headers: { range: "bytes=0-99" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toMatch(/^bytes 0-99\/\d+$/);
    expect((await range.arrayBuffer()).byteLength).toBe(100);

    const forged = await fetch(videoUrl.replace(/X-Amz-Signature=[0-9a-f]/, "X-Amz-Signature=g"));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

    const thumbnail = await fetch(recording.thumbnail_url as string);
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");

    const events = parseStreamEvents(await (await fetch(recording.events_url as string)).json());
    expect(events?.markers.map(({ kind, atMs, prompt }) => ({ kind, atMs, prompt }))).toEqual([
      { kind: "start", atMs: 0, prompt: "a lighthouse at dusk" },
      { kind: "interact", atMs: 1500, prompt: "the beam sweeps the sea" },
    ]);

    advance(TTL_SECONDS * 1000 + 1000);
    const expired = await fetch(videoUrl);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("<Message>Request has expired</Message>");
    // A fresh read of the recording signs fresh URLs.
    const fresh = await client.getRecording(streamIds[0] as string);
    expect((await fetch(fresh.video_url as string)).status).toBe(200);
  });

  it("lists the caller's jobs and recordings", async () => {
    const list = await client.listSimulations({ limit: 5 });
    expect(list.limit).toBe(5);
    expect(list.jobs.find((j) => j.job_id === jobId)).toMatchObject({
      status: "completed",
      priority: "normal",
      error_message: null,
    });

    const waiting = await client.simulate({
      script: [
        { timestamp_ms: 0, start: { prompt: "a quiet pond" } },
        { timestamp_ms: 1000, end: {} },
      ],
    });
    const active = await client.listSimulations({ active: true });
    expect(active.jobs.map((j) => j.job_id)).toEqual([waiting.job_id]);
    // Newest first.
    expect((await client.listSimulations()).jobs[0]?.job_id).toBe(waiting.job_id);
    expect((await otherTenant.listSimulations()).total).toBe(0);

    const recordings = await client.listStreamRecordings();
    expect(recordings.recordings.map((r) => r.stream_id)).toEqual(streamIds);
    expect(recordings.recordings[0]).toMatchObject({
      width: 1280,
      height: 704,
      duration_seconds: 3,
    });
  });

  it("cancels pending jobs only, and says why it will not cancel the others", async () => {
    const script = [
      { timestamp_ms: 0, start: { prompt: "a windmill" } },
      { timestamp_ms: 1000, end: {} },
    ];
    const pending = await client.simulate({ script });
    expect((await client.cancelSimulation(pending.job_id)).status).toBe("cancelled");
    expect((await client.getSimulateStatus(pending.job_id)).status).toBe("cancelled");
    await expect(client.cancelSimulation(pending.job_id)).rejects.toThrow(
      "Cannot cancel job in cancelled state",
    );

    const running = await client.simulate({ script });
    advance(STAGE_MS * 2 + 1);
    expect((await client.getSimulateStatus(running.job_id)).status).toBe("processing");
    await expect(client.cancelSimulation(running.job_id)).rejects.toThrow(
      "Cannot cancel job in processing state",
    );
    advance(STAGE_MS);
    await expect(client.cancelSimulation(running.job_id)).rejects.toThrow(
      "Cannot cancel job in completed state",
    );
  });

  it("fails a job on cue, and keeps tenants apart", async () => {
    const doomed = await client.simulate({
      script: [
        { timestamp_ms: 0, start: { prompt: "FAIL on purpose" } },
        { timestamp_ms: 1000, end: {} },
      ],
    });
    advance(STAGE_MS * 3);
    const failed = await client.getSimulateStatus(doomed.job_id);
    expect(failed).toMatchObject({
      status: "failed",
      error_message: "The world model could not render this script",
    });
    expect(failed.streams[0]?.video_url).toBeNull();

    // The SDK words a 403 itself, ignoring the body.
    await expect(otherTenant.getSimulateStatus(jobId)).rejects.toThrow(
      "Not authorized to access this simulation job",
    );
    await expect(otherTenant.getRecording(streamIds[0] as string)).rejects.toThrow(
      "Recording not found",
    );
    await expect(client.getSimulateStatus("00000000-0000-0000-0000-000000000000")).rejects.toThrow(
      "Simulation job not found",
    );
  });

  it("refuses an unknown key", async () => {
    const stranger = sdkFor(cloud.api, "sk_not_an_odyssey_key");
    await expect(stranger.listSimulations()).rejects.toThrow("Invalid API key");
  });

  it("answers 429 with an object detail once the quota is used, and progresses on the real clock", async () => {
    const quotaClient = sdkFor(quotaCloud.api, "ody_standin_fresh_quota");
    const script = [
      { timestamp_ms: 0, start: { prompt: "a kite" } },
      { timestamp_ms: 1000, end: {} },
    ];
    const first = await quotaClient.simulate({ script });
    await quotaClient.simulate({ script });
    const third = quotaClient.simulate({ script });
    await expect(third).rejects.toThrow(/429/);
    await expect(third).rejects.toThrow(/MONTHLY_LIMIT_REACHED/);

    const bearer = await token(quotaCloud.api, "ody_standin_fresh_quota");
    const refused = await fetch(`${quotaCloud.api}/simulation-jobs`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${bearer}`,
        "content-type": "application/json",
        origin: "http://studio.test",
      },
      body: JSON.stringify({ script, portrait: true, output_video: true }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(refused.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(((await refused.json()) as { detail: unknown }).detail).toMatchObject({
      error: "MONTHLY_LIMIT_REACHED",
      limit: 2,
      used: 2,
    });

    let status = await quotaClient.getSimulateStatus(first.job_id);
    for (let i = 0; i < 100 && status.status !== "completed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await quotaClient.getSimulateStatus(first.job_id);
    }
    expect(status.status).toBe("completed");
    // Portrait by default, as the SDK sends it.
    expect((await quotaClient.listStreamRecordings()).recordings[0]).toMatchObject({
      width: 704,
      height: 1280,
    });
  });
});

describe("the cloud stand-in's wire details", () => {
  it("gives expires_in as a numeric string, as the SDK's arithmetic allows", async () => {
    const response = await fetch(`${cloud.api}/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ api_key: "ody_standin_wire" }),
    });
    expect(await response.json()).toMatchObject({ token_type: "bearer", expires_in: "3600" });

    const malformed = await fetch(`${cloud.api}/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(malformed.status).toBe(422);
    expect(await malformed.json()).toEqual({
      detail: [{ loc: ["body", "api_key"], msg: "Field required", type: "missing" }],
    });
  });

  it("answers a bad entry with a FastAPI validation list, and requires a bearer token", async () => {
    const bearer = await token(cloud.api, "ody_standin_wire");
    const response = await fetch(`${cloud.api}/simulation-jobs`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: JSON.stringify({
        script: [
          { timestamp_ms: 0, start: { prompt: "a boat" } },
          { timestamp_ms: "soon", interact: { prompt: "it sails" } },
          { timestamp_ms: 1000, end: {} },
        ],
      }),
    });
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: { loc: unknown[] }[] };
    expect(detail.map((error) => error.loc)).toEqual([["body", "script", 1, "timestamp_ms"]]);

    const anonymous = await fetch(`${cloud.api}/simulation-jobs`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ detail: "Not authenticated" });
  });

  it("lets a page on another origin call the API", async () => {
    const preflight = await fetch(`${cloud.api}/simulation-jobs`, {
      method: "OPTIONS",
      headers: {
        origin: "http://studio.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/i);
    expect((await fetch(`${cloud.api}/health`)).status).toBe(200);
  });
});
