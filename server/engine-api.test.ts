// The API's routes in process, as Fastify tests itself: requests through app.inject, an
// in-memory database, and a clock that moves only when a test moves it, so expiries and rate
// windows are crossed without sleeping. Jobs render for real (forked render processes) only
// where a test starts the queue. The spawned engine's smoke test is engine-smoke.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type WireBody, shortScript } from "./test/engine-process";
import { asDataUrl, jpegBytes, pngDataUrl, pngHeaderOnly } from "./test/fixtures";
import { type InProcessEngine, manualClock, startInProcessEngine } from "./test/in-process-engine";
import { postDeclaringLength } from "./test/post-declaring-length";

type Clock = ReturnType<typeof manualClock>;
type Call = (
  method: "GET" | "POST" | "DELETE",
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => ReturnType<InProcessEngine["call"]>;

const isoAt = (clock: Clock) => new Date(clock.now()).toISOString();

async function engineOnClock(clock: Clock, env: Record<string, string> = {}) {
  return startInProcessEngine(env, { database: ":memory:", now: clock.now });
}

/** Exchanges `apiKey` and calls with its token, leaving the engine's default token alone. */
async function keyed(engine: InProcessEngine, apiKey: string) {
  const exchanged = await engine.call("POST", "/auth/token", { api_key: apiKey }, { token: null });
  expect(exchanged.status).toBe(200);
  const token = exchanged.body.access_token as string;
  const call: Call = (method, url, body, headers) =>
    engine.call(method, url, body, { token, ...(headers && { headers }) });
  return { token, call };
}

/** Polls a job until `done` says its status is final; bounded by the test's timeout. */
async function waitFor(call: Call, jobId: string, done: (status: string) => boolean) {
  for (;;) {
    const answer = await call("GET", `/simulation-jobs/${jobId}`);
    if (done(answer.body.status as string)) return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("auth", () => {
  const clock = manualClock();
  let engine: InProcessEngine;
  beforeAll(async () => {
    engine = await engineOnClock(clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("exchanges any non-empty key for an expiring bearer token", async () => {
    const result = await engine.call(
      "POST",
      "/auth/token",
      { api_key: "any-key" },
      { token: null },
    );
    expect(result.status).toBe(200);
    expect(result.body.access_token).toMatch(/^[\w-]{20,}$/);
    expect(result.body.token_type).toBe("bearer");
    expect(result.body.expires_in).toBe(3600);
  });

  it("answers 422 to a malformed body and 401 without a token", async () => {
    const anonymous: Call = (method, url, body) => engine.call(method, url, body, { token: null });
    expect((await anonymous("POST", "/auth/token", { key: "x" })).status).toBe(422);
    expect((await anonymous("POST", "/auth/token", { api_key: "" })).status).toBe(422);
    for (const [method, url] of [
      ["GET", "/simulation-jobs"],
      ["POST", "/simulation-jobs"],
      ["GET", "/simulation-jobs/x"],
      ["DELETE", "/simulation-jobs/x"],
      ["GET", "/recordings/x"],
      ["GET", "/stream-recordings"],
    ] as const) {
      const result = await anonymous(method, url);
      expect(result.status, `${method} ${url}`).toBe(401);
      expect(result.body.detail).toMatch(/Not authenticated/);
    }
    const forged = await engine.call("GET", "/simulation-jobs", undefined, {
      token: "forged-token",
    });
    expect(forged.status).toBe(401);
  });

  it("expires a token at the end of its time to live, by the engine's clock", async () => {
    const client = await keyed(engine, "expiring-key");
    expect((await client.call("GET", "/simulation-jobs")).status).toBe(200);
    clock.advance(3600 * 1000 - 1);
    expect((await client.call("GET", "/simulation-jobs")).status).toBe(200);
    clock.advance(1);
    const expired = await client.call("GET", "/simulation-jobs");
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe(
      "The access token is invalid or has expired; exchange the API key again",
    );
    expect(expired.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
    const again = await keyed(engine, "expiring-key");
    expect((await again.call("GET", "/simulation-jobs")).status).toBe(200);
  });

  it("accepts only the listed keys when ENGINE_API_KEYS is set", async () => {
    const listed = await engineOnClock(manualClock(), { ENGINE_API_KEYS: "alpha, beta" });
    try {
      const refused = await listed.call("POST", "/auth/token", { api_key: "gamma" });
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toBe("Invalid API key");
      expect((await listed.call("POST", "/auth/token", { api_key: "beta" })).status).toBe(200);
    } finally {
      await listed.close();
    }
  });
});

describe("a job's life", () => {
  const clock = manualClock();
  let engine: InProcessEngine;
  let client: { token: string; call: Call };
  let jobId = "";
  let job: WireBody;
  const submittedAt = isoAt(clock);

  beforeAll(async () => {
    engine = await engineOnClock(clock);
    engine.engine.startQueue();
    client = await keyed(engine, "life-key");
    const created = await client.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: "a city at night", image: pngDataUrl(320, 200) } },
        { timestamp_ms: 600, interact: { prompt: "rain begins" } },
        { timestamp_ms: 1200, end: {} },
        { timestamp_ms: 1200, start: { prompt: "a desert at noon" } },
        { timestamp_ms: 2200, end: {} },
      ],
      portrait: false,
      output_video: true,
      something_new: "ignored",
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: "pending",
      priority: "normal",
      created_at: submittedAt,
    });
    expect(typeof created.body.estimated_wait_minutes).toBe("number");
    jobId = created.body.job_id as string;
    job = await waitFor(client.call, jobId, (s) => s === "completed" || s === "failed");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("completes with one stream per start..end pair, measured from the files", () => {
    expect(job.status).toBe("completed");
    expect(job.error_message).toBeNull();
    // The clock has not moved: every stamp is its time, whatever the renders took.
    for (const field of ["created_at", "dispatched_at", "started_at", "completed_at"]) {
      expect(job[field], field).toBe(submittedAt);
    }
    expect(job.streams).toHaveLength(2);
    expect(job.streams[0]).toMatchObject({
      frame_count: 30,
      duration_seconds: 1.2,
      script_index: 0,
    });
    expect(job.streams[1]).toMatchObject({ frame_count: 25, duration_seconds: 1, script_index: 0 });
  });

  it("serves the video with ranges, the right type, nosniff and a download name", async () => {
    const url = job.streams[0].video_url as string;
    const partial = await engine.open(url, { range: "bytes=0-99" });
    expect(partial.status).toBe(206);
    expect(partial.headers["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
    expect(partial.headers["content-type"]).toBe("video/mp4");
    expect(partial.headers["x-content-type-options"]).toBe("nosniff");
    expect(partial.body).toHaveLength(100);
    expect(partial.body.subarray(4, 8).toString("ascii")).toBe("ftyp");

    const download = await engine.open(`${url}&download=1`);
    expect(download.status).toBe(200);
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="simulate-${jobId.slice(0, 8)}-stream-1.mp4"`,
    );
    const thumbnail = await engine.open(job.streams[0].thumbnail_url as string);
    expect(thumbnail.headers["content-type"]).toBe("image/jpeg");
    const events = JSON.parse((await engine.open(job.streams[0].events_url as string)).text);
    expect(
      (events as WireBody).events.map((e: { type: string; frame: number }) => [e.type, e.frame]),
    ).toEqual([
      ["start", 0],
      ["interact", 15],
      ["end", 30],
    ]);
  });

  it("refuses forged and tampered artifact links with 403", async () => {
    const url = new URL(job.streams[0].video_url as string);
    expect((await engine.open(url.href)).status).toBe(200);
    const forged = new URL(url);
    forged.searchParams.set("signature", "0".repeat(64));
    expect((await engine.open(forged.href)).status).toBe(403);
    // One stream's signature does not open another stream's files.
    const otherStream = new URL(url);
    otherStream.pathname = otherStream.pathname.replace(
      job.streams[0].stream_id as string,
      job.streams[1].stream_id as string,
    );
    expect(otherStream.pathname).toContain(job.streams[1].stream_id as string);
    expect((await engine.open(otherStream.href)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await engine.open(longer.href)).status).toBe(403);
    const traversal = `/api/artifacts/..%2F..%2Fengine.sqlite3/video?expires=1&signature=${"a".repeat(64)}`;
    expect((await engine.open(traversal)).status).toBe(403);
  });

  it("gives recordings to their owner only", async () => {
    const streamId = job.streams[1].stream_id as string;
    const recording = await client.call("GET", `/recordings/${streamId}`, undefined, {
      host: "127.0.0.1:8787",
    });
    expect(recording.status).toBe(200);
    expect(recording.body).toMatchObject({
      stream_id: streamId,
      frame_count: 25,
      duration_seconds: 1,
      job_id: jobId,
    });
    expect(recording.body.video_url).toMatch(/^http:\/\/127\.0\.0\.1:8787\/api\/artifacts\//);

    const list = await client.call("GET", "/stream-recordings?limit=1&offset=0");
    expect(list.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(list.body.recordings[0]).toMatchObject({ width: 1280, height: 704, job_id: jobId });
    expect((await client.call("GET", "/simulation-jobs?status=completed")).body.total).toBe(1);
    expect((await client.call("GET", "/simulation-jobs?active=true")).body.total).toBe(0);

    const stranger = await keyed(engine, "someone-else");
    expect((await stranger.call("GET", `/recordings/${streamId}`)).status).toBe(404);
    expect((await stranger.call("GET", `/simulation-jobs/${jobId}`)).status).toBe(404);
    expect((await stranger.call("DELETE", `/simulation-jobs/${jobId}`)).status).toBe(404);
    expect((await stranger.call("GET", "/stream-recordings")).body.total).toBe(0);
    expect((await stranger.call("GET", "/simulation-jobs")).body.total).toBe(0);
  });

  it("cannot cancel a finished job, and says why", async () => {
    const result = await client.call("DELETE", `/simulation-jobs/${jobId}`);
    expect(result.status).toBe(400);
    expect(result.body.detail).toBe(
      "Cannot cancel a job that is completed: only pending, dispatched and processing jobs can be cancelled",
    );
    expect((await client.call("DELETE", "/simulation-jobs/no-such-job")).status).toBe(404);
    expect((await client.call("GET", "/simulation-jobs/no-such-job")).status).toBe(404);
    expect((await client.call("GET", "/recordings/no-such-stream")).status).toBe(404);
  });

  it("expires artifact links by the engine's clock, and hands out fresh ones", async () => {
    const url = new URL(job.streams[0].video_url as string);
    const expiresMs = Number(url.searchParams.get("expires")) * 1000;
    expect(expiresMs).toBeGreaterThanOrEqual(clock.now() + 3600 * 1000);
    clock.advance(expiresMs - 1 - clock.now());
    expect((await engine.open(url.href)).status).toBe(200);
    clock.advance(1);
    const expired = await engine.open(url.href);
    expect(expired.status).toBe(403);
    expect(JSON.parse(expired.text)).toEqual({
      detail: "This link has expired: fetch the recording again for a fresh one",
    });
    // The token, as old as the link, has expired too.
    expect((await client.call("GET", `/simulation-jobs/${jobId}`)).status).toBe(401);

    const again = await keyed(engine, "life-key");
    const fresh = await again.call("GET", `/recordings/${job.streams[0].stream_id}`);
    expect(fresh.body.video_url).not.toBe(job.streams[0].video_url);
    expect((await engine.open(fresh.body.video_url as string)).status).toBe(200);
  });

  it("fails a job whose stream's image cannot be decoded, with a readable message, and keeps serving", async () => {
    const owner = await keyed(engine, "broken-image-key");
    // A real PNG header with garbage after it: it passes the header checks, then fails to decode.
    const broken = asDataUrl("image/png", pngHeaderOnly(64, 64));
    const created = await owner.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: "fine" } },
        { timestamp_ms: 1000, end: {} },
        { timestamp_ms: 1000, start: { prompt: "broken", image: broken } },
        { timestamp_ms: 2000, end: {} },
      ],
    });
    const failed = await waitFor(
      owner.call,
      created.body.job_id as string,
      (s) => s === "failed" || s === "completed",
    );
    expect(failed.status).toBe("failed");
    expect(failed.error_message).toMatch(
      /^1 of 2 stream\(s\) failed\. stream 2: the start image could not be decoded/,
    );
    expect(failed.streams[0]).toMatchObject({ status: "completed", frame_count: 25 });
    expect(failed.streams[1]).toMatchObject({ status: "failed", video_url: null });
    expect(failed.streams[1].error_message).toMatch(/could not be decoded/);
    expect((await engine.call("GET", "/health")).status).toBe(200);
  });
});

describe("listing and cancelling queued jobs", () => {
  const clock = manualClock();
  let engine: InProcessEngine;
  beforeAll(async () => {
    // The queue is not started: jobs stay pending until cancelled.
    engine = await engineOnClock(clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("pages newest first and filters by status and activity", async () => {
    const client = await keyed(engine, "list-key");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await client.call("POST", "/simulation-jobs", { script: shortScript(`job ${i}`) })).body
          .job_id,
      );
    }
    const page = await client.call("GET", "/simulation-jobs?limit=2&offset=0");
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.body.jobs.map((j: { job_id: string }) => j.job_id)).toEqual([ids[2], ids[1]]);
    const next = await client.call("GET", "/simulation-jobs?limit=2&offset=2");
    expect(next.body.jobs.map((j: { job_id: string }) => j.job_id)).toEqual([ids[0]]);
    // The SDK's six fields, and the engine's progress, which the SDK ignores.
    expect(Object.keys(next.body.jobs[0]).sort()).toEqual(
      [
        "completed_at",
        "created_at",
        "error_message",
        "job_id",
        "priority",
        "status",
        "progress",
      ].sort(),
    );
    expect(next.body.jobs[0].progress).toEqual({ streams_done: 0, streams_total: 1, percent: 0 });

    expect((await client.call("DELETE", `/simulation-jobs/${ids[0]}`)).status).toBe(200);
    const listed = async (query: string) => {
      const answer = await client.call("GET", `/simulation-jobs?${query}`);
      return [answer.body.total, answer.body.jobs.map((j: { job_id: string }) => j.job_id)];
    };
    expect(await listed("status=cancelled")).toEqual([1, [ids[0]]]);
    expect(await listed("status=pending")).toEqual([2, [ids[2], ids[1]]]);
    expect(await listed("active=true")).toEqual([2, [ids[2], ids[1]]]);
    expect(await listed("status=completed")).toEqual([0, []]);

    for (const bad of ["limit=0", "limit=101", "offset=-1", "status=running", "limit=ten"]) {
      const result = await client.call("GET", `/simulation-jobs?${bad}`);
      expect(result.status, bad).toBe(422);
      expect(result.body.detail[0].loc[0]).toBe("query");
    }
    expect((await client.call("GET", "/stream-recordings?limit=101")).status).toBe(422);
  });

  it("cancels a pending job once, stamped by the engine's clock, and refuses it after", async () => {
    const client = await keyed(engine, "cancel-key");
    const jobId = (await client.call("POST", "/simulation-jobs", { script: shortScript() })).body
      .job_id as string;
    clock.advance(90_000);
    const cancelled = await client.call("DELETE", `/simulation-jobs/${jobId}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ job_id: jobId, status: "cancelled" });
    const job = (await client.call("GET", `/simulation-jobs/${jobId}`)).body;
    expect(job).toMatchObject({
      status: "cancelled",
      started_at: null,
      completed_at: isoAt(clock),
    });
    expect(job.streams[0]).toMatchObject({ status: "cancelled", video_url: null });

    const again = await client.call("DELETE", `/simulation-jobs/${jobId}`);
    expect(again.status).toBe(400);
    expect(again.body.detail).toBe(
      "Cannot cancel a job that is cancelled: only pending, dispatched and processing jobs can be cancelled",
    );
    const stranger = await keyed(engine, "not-the-owner");
    const pending = (await client.call("POST", "/simulation-jobs", { script: shortScript() })).body
      .job_id as string;
    expect((await stranger.call("DELETE", `/simulation-jobs/${pending}`)).status).toBe(404);
    expect((await client.call("GET", `/simulation-jobs/${pending}`)).body.status).toBe("pending");
  });
});

describe("bad input gets a clear 4xx and changes nothing", () => {
  let engine: InProcessEngine;
  let client: { token: string; call: Call };
  let api = "";
  let url = "";
  beforeAll(async () => {
    engine = await engineOnClock(manualClock(), {
      ENGINE_PRIVILEGED_KEYS: "vip-key",
      ENGINE_RATE_LIMIT_PER_MINUTE: "500",
    });
    // A real port, for the body refused by its Content-Length and an open port to point at.
    ({ url, api } = await engine.listen());
    client = await keyed(engine, "bad-input-key");
  });
  afterAll(async () => {
    await engine.close();
  });

  async function rejects(body: unknown, status: number) {
    const result = await client.call("POST", "/simulation-jobs", body);
    expect(result.status).toBe(status);
    return result.body;
  }

  it("lists every problem of an invalid script", async () => {
    const body = await rejects(
      {
        script: [
          { timestamp_ms: 0, interact: { prompt: "x" } },
          { timestamp_ms: 10, start: { prompt: " " } },
        ],
      },
      422,
    );
    expect(body.detail).toEqual([
      {
        loc: ["body", "script", 0],
        msg: "interaction at 0.00 s comes before any start",
        type: "interact-outside-stream",
      },
      {
        loc: ["body", "script", 1, "start", "prompt"],
        msg: "the prompt of the start at 0.01 s is empty",
        type: "prompt-empty",
      },
      {
        loc: ["body", "script", 1],
        msg: "the script ends with the stream started at 0.01 s still open; add an end",
        type: "stream-left-open",
      },
    ]);
    const batch = await rejects({ scripts: [shortScript(), [{ timestamp_ms: 0, end: {} }]] }, 422);
    expect(batch.detail[0].loc).toEqual(["body", "scripts", 1, 0]);
  });

  it("needs exactly one of script, scripts and script_url", async () => {
    const body = await rejects(
      { script: shortScript(), script_url: "https://example.com/s.json" },
      422,
    );
    expect(body.detail[0].msg).toBe("give exactly one of script, scripts or script_url");
    await rejects({}, 422);
    const wrongType = await rejects({ script: shortScript(), portrait: "yes" }, 422);
    expect(wrongType.detail).toEqual([
      {
        loc: ["body", "portrait"],
        msg: "Invalid input: expected boolean, received string",
        type: "invalid_type",
      },
    ]);
  });

  it("answers bodies that are not JSON, or too large, in words", async () => {
    const notJson = await client.call("POST", "/simulation-jobs", "{not json");
    expect(notJson.status).toBe(422);
    expect(notJson.body.detail[0].type).toBe("json_invalid");
    // Refused on the Content-Length header alone, before any of the body is read: over a real
    // socket, since inject hands Fastify the whole body at once.
    const tooLarge = await postDeclaringLength(
      `${api}/simulation-jobs`,
      client.token,
      31 * 1024 * 1024,
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.detail).toBe("The request body is larger than the 30 MB limit.");
    const wrongType = await client.call("POST", "/simulation-jobs", "script", {
      "content-type": "text/plain",
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.detail[0].loc).toEqual(["body"]);
  });

  it("checks images by their bytes and header before decoding", async () => {
    const at = (image: string) => ({
      script: [
        { timestamp_ms: 0, start: { prompt: "p", image } },
        { timestamp_ms: 1000, end: {} },
      ],
    });
    const liar = await rejects(at(asDataUrl("image/png", jpegBytes())), 422);
    expect(liar.detail[0]).toMatchObject({
      loc: ["body", "script", 0, "start", "image"],
      msg: "the image of the start at 0.00 s says image/png but its bytes are a JPEG",
    });
    const text = await rejects(at(asDataUrl("image/png", Buffer.from("hello, not an image"))), 422);
    expect(text.detail[0].msg).toBe(
      "the image of the start at 0.00 s is not a JPEG, PNG or WebP file",
    );
    const huge = await rejects(at(asDataUrl("image/png", pngHeaderOnly(9000, 300))), 422);
    expect(huge.detail[0].msg).toBe(
      "the image of the start at 0.00 s is 9000x300 pixels; the engine takes at most 8000 px a side and 40 megapixels",
    );
    const gif = await rejects(at(asDataUrl("image/jpeg", Buffer.from("GIF89a-------"))), 422);
    expect(gif.detail[0].msg).toBe(
      "the image of the start at 0.00 s is a GIF; use JPEG, PNG or WebP",
    );
  });

  it("refuses script_url that is not http(s), and inside the machine whether a port is open or not", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const ftp = await rejects({ script_url: "ftp://example.com/s.json" }, 422);
    expect(ftp.detail[0]).toMatchObject({
      loc: ["body", "script_url"],
      msg: "script_url must be http or https, not ftp",
    });
    // The engine's own port is open, port 1 is closed: the answers must not tell them apart.
    for (const scriptUrl of [
      `${url}/script.json`,
      "http://127.0.0.1:1/s.json",
      "http://10.1.2.3/s.json",
    ]) {
      const refused = await rejects({ script_url: scriptUrl }, 422);
      expect(refused.detail).toEqual([
        {
          loc: ["body", "script_url"],
          msg: "script_url could not be fetched as a public JSON script (http or https, a public address, answering 200 within 5 s with at most 1 MB)",
          type: "script_url",
        },
      ]);
    }
    // Refused for the address, before connecting; only the engine's log says so.
    expect(log.mock.calls.map((args) => String(args[0])).join("\n")).toContain(
      "script_url from 127.0.0.1:1 not fetched: 127.0.0.1 is not a public address",
    );
  });

  it("keeps bypass_vlm_expansion to privileged keys", async () => {
    const body = await rejects({ script: shortScript(), bypass_vlm_expansion: true }, 403);
    expect(body.detail).toBe("bypass_vlm_expansion needs a privilege this API key does not have");
    const vip = await keyed(engine, "vip-key");
    expect(
      (
        await vip.call("POST", "/simulation-jobs", {
          script: shortScript(),
          bypass_vlm_expansion: true,
        })
      ).status,
    ).toBe(200);
  });

  it("refuses streams longer than the engine renders", async () => {
    const body = await rejects({ script: shortScript("long", 601_000) }, 422);
    expect(body.detail[0].msg).toBe(
      "the stream starting at 0.00 s lasts 601.00 s; this engine renders streams of at most 600 s",
    );
  });

  it("created no job for any of the bad requests above", async () => {
    expect((await client.call("GET", "/simulation-jobs")).body.total).toBe(0);
  });

  it("answers unknown API paths with 404 in the same error shape", async () => {
    const result = await client.call("GET", "/no-such-endpoint");
    expect(result.status).toBe(404);
    expect(result.body).toEqual({ detail: "Not Found" });
  });
});

describe("the rate limit", () => {
  const clock = manualClock();
  let engine: InProcessEngine;
  beforeAll(async () => {
    engine = await engineOnClock(clock, { ENGINE_RATE_LIMIT_PER_MINUTE: "2" });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("limits job creation per key with Retry-After, over a window that slides", async () => {
    const client = await keyed(engine, "busy");
    const submit = () => client.call("POST", "/simulation-jobs", { script: shortScript() });
    expect((await submit()).status).toBe(200);
    clock.advance(20_000);
    expect((await submit()).status).toBe(200);
    clock.advance(10_000);
    const limited = await submit();
    expect(limited.status).toBe(429);
    // The first job leaves the window 60 s after it came, 30 s from now.
    expect(limited.headers["retry-after"]).toBe("30");
    expect(limited.body.detail).toMatch(/at most 2 a minute per API key/);
    expect(limited.body.detail).toMatch(/Try again in 30 s\.$/);
    const other = await keyed(engine, "calm");
    expect((await other.call("POST", "/simulation-jobs", { script: shortScript() })).status).toBe(
      200,
    );

    clock.advance(29_999);
    expect((await submit()).headers["retry-after"]).toBe("1");
    clock.advance(1);
    expect((await submit()).status).toBe(200);
    // The window slid by one job, not reset: the second job still counts, for 20 s more.
    const again = await submit();
    expect(again.status).toBe(429);
    expect(again.headers["retry-after"]).toBe("20");
    expect((await client.call("GET", "/simulation-jobs")).body.total).toBe(3);
  });
});
