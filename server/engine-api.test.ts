// The engine over real HTTP: a real process, a real SQLite file, real renders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  type WireBody,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";
import { postDeclaringLength } from "./test/post-declaring-length";
import { asDataUrl, jpegBytes, pngDataUrl, pngHeaderOnly } from "./test/fixtures";

let engine: EngineProcess;

beforeAll(async () => {
  engine = await startEngine({
    ENGINE_PRIVILEGED_KEYS: "vip-key",
    ENGINE_RATE_LIMIT_PER_MINUTE: "500",
  });
});
afterAll(async () => {
  await engine?.stop();
  removeDataDir(engine.dataDir);
});

describe("auth", () => {
  it("exchanges any non-empty key for an expiring bearer token", async () => {
    const client = clientFor(engine.api);
    const result = await client.login("any-key");
    expect(result.status).toBe(200);
    expect(result.body.access_token).toMatch(/^[\w-]{20,}$/);
    expect(result.body.expires_in).toBe(3600);
  });

  it("answers 422 to a malformed body and 401 without a token", async () => {
    const client = clientFor(engine.api);
    expect((await client.call("POST", "/auth/token", { key: "x" })).status).toBe(422);
    expect((await client.call("POST", "/auth/token", { api_key: "" })).status).toBe(422);
    for (const [method, url] of [
      ["GET", "/simulation-jobs"],
      ["POST", "/simulation-jobs"],
      ["GET", "/simulation-jobs/x"],
      ["DELETE", "/simulation-jobs/x"],
      ["GET", "/recordings/x"],
      ["GET", "/stream-recordings"],
    ] as const) {
      const result = await client.call(method, url);
      expect(result.status, `${method} ${url}`).toBe(401);
      expect(result.body.detail).toMatch(/Not authenticated/);
    }
    client.setToken("forged-token");
    expect((await client.call("GET", "/simulation-jobs")).status).toBe(401);
  });
});

describe("a job's life", () => {
  const client = clientFor(engine?.api ?? "");
  let jobId = "";
  let job: WireBody;

  beforeAll(async () => {
    Object.assign(client, clientFor(engine.api));
    await client.login("life-key");
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
    expect(created.body).toMatchObject({ status: "pending", priority: "normal" });
    expect(typeof created.body.estimated_wait_minutes).toBe("number");
    jobId = created.body.job_id as string;
    job = await client.waitFor(jobId, (s) => s === "completed" || s === "failed");
  });

  it("completes with one stream per start..end pair, measured from the files", () => {
    expect(job.status).toBe("completed");
    expect(job.error_message).toBeNull();
    for (const field of ["created_at", "dispatched_at", "started_at", "completed_at"]) {
      expect(Date.parse(job[field] as string)).not.toBeNaN();
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
    const partial = await fetch(url, { headers: { range: "bytes=0-99" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toMatch(/^bytes 0-99\/\d+$/);
    expect(partial.headers.get("content-type")).toBe("video/mp4");
    expect(partial.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await partial.arrayBuffer());
    expect(bytes).toHaveLength(100);
    expect(bytes.subarray(4, 8).toString("ascii")).toBe("ftyp");

    const download = await fetch(`${url}&download=1`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="simulate-${jobId.slice(0, 8)}-stream-1.mp4"`,
    );
    const thumbnail = await fetch(job.streams[0].thumbnail_url as string);
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");
    const events = (await (await fetch(job.streams[0].events_url as string)).json()) as WireBody;
    expect(events.events.map((e: { type: string; frame: number }) => [e.type, e.frame])).toEqual([
      ["start", 0],
      ["interact", 15],
      ["end", 30],
    ]);
  });

  it("refuses forged and tampered artifact links with 403", async () => {
    const url = new URL(job.streams[0].video_url as string);
    const forged = new URL(url);
    forged.searchParams.set("signature", "0".repeat(64));
    expect((await fetch(forged)).status).toBe(403);
    const otherFile = new URL(url);
    otherFile.pathname = otherFile.pathname.replace(/video$/, "events");
    expect((await fetch(otherFile)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await fetch(longer)).status).toBe(403);
    const traversal = `${engine.api}/artifacts/..%2F..%2Fengine.sqlite3/video?expires=1&signature=${"a".repeat(64)}`;
    expect((await fetch(traversal)).status).toBe(403);
  });

  it("gives recordings to their owner only", async () => {
    const streamId = job.streams[1].stream_id as string;
    const recording = await client.call("GET", `/recordings/${streamId}`);
    expect(recording.status).toBe(200);
    expect(recording.body).toMatchObject({
      stream_id: streamId,
      frame_count: 25,
      duration_seconds: 1,
    });
    expect(recording.body.video_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/artifacts\//);

    const list = await client.call("GET", "/stream-recordings?limit=1&offset=0");
    expect(list.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(list.body.recordings[0]).toMatchObject({ width: 1280, height: 704 });

    const stranger = clientFor(engine.api);
    await stranger.login("someone-else");
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
});

describe("listing jobs", () => {
  it("pages newest first and filters by status and activity", async () => {
    const client = clientFor(engine.api);
    await client.login("list-key");
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
    expect(Object.keys(next.body.jobs[0]).sort()).toEqual(
      ["completed_at", "created_at", "error_message", "job_id", "priority", "status"].sort(),
    );

    for (const id of ids) await client.waitFor(id, (s) => s === "completed");
    expect((await client.call("GET", "/simulation-jobs?status=completed")).body.total).toBe(3);
    expect((await client.call("GET", "/simulation-jobs?active=true")).body.total).toBe(0);

    for (const bad of ["limit=0", "limit=101", "offset=-1", "status=running", "limit=ten"]) {
      const result = await client.call("GET", `/simulation-jobs?${bad}`);
      expect(result.status, bad).toBe(422);
      expect(result.body.detail[0].loc[0]).toBe("query");
    }
    expect((await client.call("GET", "/stream-recordings?limit=101")).status).toBe(422);
  });
});

describe("bad input gets a clear 4xx and changes nothing", () => {
  const client = clientFor("");
  beforeAll(async () => {
    Object.assign(client, clientFor(engine.api));
    await client.login("bad-input-key");
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
    await rejects({ script: shortScript(), portrait: "yes" }, 422);
  });

  it("answers bodies that are not JSON, or too large, in words", async () => {
    const notJson = await client.call("POST", "/simulation-jobs", "{not json");
    expect(notJson.status).toBe(422);
    expect(notJson.body.detail[0].type).toBe("json_invalid");
    const login = await client.call("POST", "/auth/token", { api_key: "bad-input-key" });
    const tooLarge = await postDeclaringLength(
      `${engine.api}/simulation-jobs`,
      login.body.access_token as string,
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
    const ftp = await rejects({ script_url: "ftp://example.com/s.json" }, 422);
    expect(ftp.detail[0]).toMatchObject({
      loc: ["body", "script_url"],
      msg: "script_url must be http or https, not ftp",
    });
    // The engine's own port is open, port 1 is closed: the answers must not tell them apart.
    for (const url of [
      `${engine.url}/script.json`,
      "http://127.0.0.1:1/s.json",
      "http://10.1.2.3/s.json",
    ]) {
      const refused = await rejects({ script_url: url }, 422);
      expect(refused.detail).toEqual([
        {
          loc: ["body", "script_url"],
          msg: "script_url could not be fetched as a public JSON script (http or https, a public address, answering 200 within 5 s with at most 1 MB)",
          type: "script_url",
        },
      ]);
    }
    // Refused for the address, before connecting; only the engine's log says so.
    await expect
      .poll(() => engine.output())
      .toContain("script_url from 127.0.0.1:1 not fetched: 127.0.0.1 is not a public address");
  });

  it("keeps bypass_vlm_expansion to privileged keys", async () => {
    const body = await rejects({ script: shortScript(), bypass_vlm_expansion: true }, 403);
    expect(body.detail).toBe("bypass_vlm_expansion needs a privilege this API key does not have");
    const vip = clientFor(engine.api);
    await vip.login("vip-key");
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

describe("a stream whose image cannot be decoded", () => {
  it("fails that job with a readable message while the engine keeps serving", async () => {
    const client = clientFor(engine.api);
    await client.login("broken-image-key");
    // A real PNG header with garbage after it: it passes the header checks, then fails to decode.
    const broken = asDataUrl("image/png", pngHeaderOnly(64, 64));
    const created = await client.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: "fine" } },
        { timestamp_ms: 1000, end: {} },
        { timestamp_ms: 1000, start: { prompt: "broken", image: broken } },
        { timestamp_ms: 2000, end: {} },
      ],
    });
    const job = await client.waitFor(
      created.body.job_id as string,
      (s) => s === "failed" || s === "completed",
    );
    expect(job.status).toBe("failed");
    expect(job.error_message).toMatch(
      /^1 of 2 stream\(s\) failed\. stream 2: the start image could not be decoded/,
    );
    expect(job.streams[0]).toMatchObject({ status: "completed", frame_count: 25 });
    expect(job.streams[1]).toMatchObject({ status: "failed", video_url: null });
    expect(job.streams[1].error_message).toMatch(/could not be decoded/);
    expect((await fetch(`${engine.api}/health`)).status).toBe(200);
  });
});
