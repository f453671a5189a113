// The engine against hostile and oversized requests, in process: every body up to the body
// limit is answered with a short 4xx, and each work limit names itself and its setting.
import Database from "better-sqlite3";
import fc from "fast-check";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortScript } from "./test/engine-process";
import { type InProcessEngine, startInProcessEngine } from "./test/in-process-engine";

const stream = (startMs: number, lengthMs: number, prompt = "a quay") => [
  { timestamp_ms: startMs, start: { prompt } },
  { timestamp_ms: startMs + lengthMs, end: {} },
];

describe("bodies built to hurt", () => {
  let engine: InProcessEngine;
  beforeAll(async () => {
    engine = await startInProcessEngine({ ENGINE_RATE_LIMIT_PER_MINUTE: "100000" });
    await engine.login();
  });
  afterAll(async () => {
    await engine.close();
  });

  it("refuses a 28 MB list unread, in a short answer", async () => {
    const body = Buffer.from(`{"script":[${"1,".repeat(14_000_000)}1]}`);
    expect(body.length).toBeGreaterThan(28_000_000);
    const answer = await engine.call("POST", "/simulation-jobs", body);
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe(
      "The body is refused unread: a list in the body has more than 10000 items.",
    );
    expect(answer.text.length).toBeLessThan(200);
  });

  it("refuses nesting thousands deep, which once broke the engine with a 500", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const body = `{"script":[{"timestamp_ms":0,"start":{"prompt":"p","x":${deep}}},{"timestamp_ms":1000,"end":{}}]}`;
    const answer = await engine.call("POST", "/simulation-jobs", body);
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toContain("nests more than 32 levels deep");
  });

  it("lists the first 50 problems and counts the rest", async () => {
    const script = Array.from({ length: 5_000 }, () => ({ timestamp_ms: -1, end: {} }));
    const answer = await engine.call("POST", "/simulation-jobs", { script });
    expect(answer.status).toBe(422);
    const detail = answer.body.detail as { loc: unknown[]; msg: string; type: string }[];
    expect(detail).toHaveLength(51);
    // 1 for the length, then 2 for each of the first 1,000 entries checked.
    expect(detail[50]).toEqual({
      loc: ["body"],
      msg: "and 1,951 more problems not listed",
      type: "more-problems",
    });
    expect(answer.text.length).toBeLessThan(10_000);
  });

  it("drops fields the contract does not know instead of storing them", async () => {
    const answer = await engine.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: "kept", junk: "x".repeat(1000) }, also: 1 },
        { timestamp_ms: 1000, end: { more: true } },
      ],
      colour: "red",
    });
    expect(answer.status).toBe(200);
    const db = new Database(path.join(engine.dataDir, "engine.sqlite3"), { readonly: true });
    try {
      const row = db
        .prepare<[string], { scripts_json: string }>("SELECT scripts_json FROM jobs WHERE id = ?")
        .get(answer.body.job_id as string);
      expect(JSON.parse(row?.scripts_json ?? "null")).toEqual([
        [
          { timestamp_ms: 0, start: { prompt: "kept" } },
          { timestamp_ms: 1000, end: {} },
        ],
      ]);
    } finally {
      db.close();
    }
  });

  it("answers thousands of generated bodies with a 2xx or a 4xx, never a 5xx", async () => {
    // Bodies near the contract's shape, and anything JSON at all.
    const entry = fc.oneof(
      fc.record({
        timestamp_ms: fc.integer({ min: -5, max: 5000 }),
        start: fc.record({ prompt: fc.string() }),
      }),
      fc.record({
        timestamp_ms: fc.integer({ min: 0, max: 5000 }),
        interact: fc.record({ prompt: fc.string() }),
      }),
      fc.record({ timestamp_ms: fc.integer({ min: 0, max: 5000 }), end: fc.constant({}) }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const body = fc.oneof(
      fc.record({ script: fc.array(entry, { maxLength: 8 }), portrait: fc.boolean() }),
      fc.record({ scripts: fc.array(fc.array(entry, { maxLength: 6 }), { maxLength: 4 }) }),
      // Addresses that never leave this machine: a test sends no traffic anywhere else.
      fc.record({
        script_url: fc.oneof(
          fc.string(),
          fc.constantFrom("http://127.0.0.1:9/s.json", "http://[::1]:9/", "ftp://x/s.json"),
        ),
      }),
      fc.jsonValue({ maxDepth: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const answer = await engine.call("POST", "/simulation-jobs", JSON.stringify(sent));
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("work limits, each named with its setting", () => {
  let engine: InProcessEngine;
  beforeAll(async () => {
    engine = await startInProcessEngine({
      ENGINE_MAX_SCRIPTS: "3",
      ENGINE_MAX_JOB_STREAMS: "4",
      ENGINE_MAX_JOB_SECONDS: "60",
      ENGINE_MAX_QUEUED_SECONDS: "100",
      ENGINE_RATE_LIMIT_VIDEO_SECONDS_PER_MINUTE: "1000",
    });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("refuses a batch of more scripts than ENGINE_MAX_SCRIPTS", async () => {
    await engine.login("batch-key");
    const answer = await engine.call("POST", "/simulation-jobs", {
      scripts: [shortScript(), shortScript(), shortScript(), shortScript()],
    });
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe(
      "The batch has 4 scripts; this engine takes at most 3 in one job (ENGINE_MAX_SCRIPTS).",
    );
  });

  it("refuses a job of more streams than ENGINE_MAX_JOB_STREAMS", async () => {
    await engine.login("streams-key");
    const answer = await engine.call("POST", "/simulation-jobs", {
      scripts: [
        [...stream(0, 1000), ...stream(1000, 1000), ...stream(2000, 1000)],
        [...stream(0, 1000), ...stream(1000, 1000)],
      ],
    });
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe(
      "The job has 5 streams; this engine takes at most 4 in one job (ENGINE_MAX_JOB_STREAMS).",
    );
  });

  it("refuses a job longer than ENGINE_MAX_JOB_SECONDS", async () => {
    await engine.login("long-key");
    const answer = await engine.call("POST", "/simulation-jobs", {
      script: [...stream(0, 40_000), ...stream(40_000, 30_000)],
    });
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe(
      "The job asks for 1 min 10 s of video; this engine takes at most 1 min in one job (ENGINE_MAX_JOB_SECONDS).",
    );
  });

  it("refuses more queued video per key than ENGINE_MAX_QUEUED_SECONDS, and only for that key", async () => {
    await engine.login("queue-key");
    for (const _ of [1, 2]) {
      expect(
        (await engine.call("POST", "/simulation-jobs", { script: stream(0, 40_000) })).status,
      ).toBe(200);
    }
    const third = await engine.call("POST", "/simulation-jobs", { script: stream(0, 40_000) });
    expect(third.status).toBe(429);
    expect(third.body.detail).toBe(
      "This API key already has 1 min 20 s of video waiting or rendering; with this job's 40 s it would pass the 1 min 40 s a key may queue (ENGINE_MAX_QUEUED_SECONDS). Submit it when some of those jobs are done.",
    );
    // Another key's queue is its own.
    await engine.login("other-key");
    expect(
      (await engine.call("POST", "/simulation-jobs", { script: stream(0, 40_000) })).status,
    ).toBe(200);
  });
});

describe("the rate limit counts video, not only jobs", () => {
  let engine: InProcessEngine;
  beforeAll(async () => {
    engine = await startInProcessEngine({ ENGINE_RATE_LIMIT_VIDEO_SECONDS_PER_MINUTE: "50" });
    await engine.login();
  });
  afterAll(async () => {
    await engine.close();
  });

  it("refuses a second 30 s job within the minute, naming the setting and the wait", async () => {
    expect(
      (await engine.call("POST", "/simulation-jobs", { script: stream(0, 30_000) })).status,
    ).toBe(200);
    const second = await engine.call("POST", "/simulation-jobs", { script: stream(0, 30_000) });
    expect(second.status).toBe(429);
    expect(second.body.detail).toMatch(
      /^Too much video: at most 50 s of video a minute per API key \(ENGINE_RATE_LIMIT_VIDEO_SECONDS_PER_MINUTE\)\. Try again in \d+ s\.$/,
    );
    expect(Number(second.headers["retry-after"])).toBeGreaterThan(0);
    // A short job still fits in what is left of the minute.
    expect(
      (await engine.call("POST", "/simulation-jobs", { script: stream(0, 10_000) })).status,
    ).toBe(200);
  });
});
