import { describe, expect, it } from "vitest";
import { isCancellableStatus, isTerminalStatus } from "./job-status";
import {
  cancelJobResponseSchema,
  createJobRequestSchema,
  createJobResponseSchema,
  errorBodySchema,
  inlineScripts,
  jobListQuerySchema,
  jobListSchema,
  jobSchema,
  pageQuerySchema,
  recordingSchema,
  streamRecordingListSchema,
  tokenResponseSchema,
} from "./jobs";

const script = [
  { timestamp_ms: 0, start: { prompt: "p" } },
  { timestamp_ms: 1000, end: {} },
];

describe("createJobRequestSchema", () => {
  it("takes exactly one of script, scripts or script_url", () => {
    expect(createJobRequestSchema.safeParse({ script }).success).toBe(true);
    expect(createJobRequestSchema.safeParse({ scripts: [script, script] }).success).toBe(true);
    expect(createJobRequestSchema.safeParse({ script_url: "https://x.test/s.json" }).success).toBe(
      true,
    );

    for (const body of [
      {},
      { script, script_url: "https://x.test/s.json" },
      { script, scripts: [script] },
    ]) {
      const result = createJobRequestSchema.safeParse(body);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        "give exactly one of script, scripts or script_url",
      );
    }
  });

  it("defaults portrait and output_video to true, as the SDK sends them", () => {
    expect(createJobRequestSchema.parse({ script })).toMatchObject({
      portrait: true,
      output_video: true,
    });
    expect(createJobRequestSchema.parse({ script, portrait: false }).portrait).toBe(false);
  });

  it("ignores unknown fields and rejects wrong types", () => {
    expect(createJobRequestSchema.parse({ script, colour: "red" })).not.toHaveProperty("colour");
    expect(createJobRequestSchema.safeParse({ script, portrait: "yes" }).success).toBe(false);
    expect(createJobRequestSchema.safeParse({ scripts: [] }).success).toBe(false);
  });

  it("lists the inline scripts of either shape", () => {
    expect(inlineScripts({ script })).toEqual([script]);
    expect(inlineScripts({ scripts: [script, script] })).toHaveLength(2);
    expect(inlineScripts({})).toEqual([]);
  });
});

describe("response schemas", () => {
  it("read a job whose streams are still being made", () => {
    const job = jobSchema.parse({
      job_id: "j1",
      status: "processing",
      priority: 0,
      created_at: "2026-11-24T10:00:00Z",
      dispatched_at: "2026-11-24T10:00:01Z",
      started_at: null,
      completed_at: null,
      error_message: null,
      assigned_region: "local",
      retry_count: 0,
      streams: [{ stream_id: "s1", video_url: null, script_index: 0 }],
    });
    expect(job.streams[0]?.stream_id).toBe("s1");
    // Older servers sent priority as a number; the SDK declares a string.
    expect(job.priority).toBe("0");
    expect(jobSchema.parse({ job_id: "j", status: "pending", created_at: "t" }).streams).toEqual(
      [],
    );
  });

  it("read the local engine's progress, and a job without it (the cloud's) as unknown", () => {
    const base = { job_id: "j", status: "processing", created_at: "t" };
    const local = jobSchema.parse({
      ...base,
      progress: { streams_done: 1, streams_total: 2, percent: 63 },
      streams: [
        { stream_id: "a", progress_percent: 100 },
        { stream_id: "b", progress_percent: 26 },
      ],
    });
    expect(local.progress).toEqual({ streams_done: 1, streams_total: 2, percent: 63 });
    expect(local.streams.map((s) => s.progress_percent)).toEqual([100, 26]);

    const cloud = jobSchema.parse({ ...base, streams: [{ stream_id: "a" }] });
    expect(cloud.progress).toBeNull();
    expect(cloud.streams[0]?.progress_percent).toBeNull();

    // A strange progress costs the progress, never the job.
    const strange = jobSchema.parse({
      ...base,
      progress: { streams_done: "one", percent: 400 },
      streams: [{ stream_id: "a", progress_percent: -3 }],
    });
    expect(strange.progress).toBeNull();
    expect(strange.streams[0]?.progress_percent).toBeNull();

    const list = jobListSchema.parse({
      jobs: [
        { ...base, progress: { streams_done: 0, streams_total: 1, percent: 5 } },
        { ...base, job_id: "cloud" },
      ],
      total: 2,
      limit: 20,
      offset: 0,
    });
    expect(list.jobs.map((j) => j.progress?.percent ?? null)).toEqual([5, null]);
  });

  it("refuse a job status outside the six the SDK declares for a job", () => {
    expect(jobSchema.safeParse({ job_id: "j", status: "running", created_at: "t" }).success).toBe(
      false,
    );
  });

  it("read what the SDK's types allow and more, as a cloud server answers", () => {
    const created = createJobResponseSchema.parse({
      job_id: "j",
      status: "queued",
      priority: "high",
      created_at: "2026-11-24T10:00:00Z",
      estimated_wait_minutes: null,
      queue_position: 4,
    });
    expect(created).toEqual({
      job_id: "j",
      status: "queued",
      priority: "high",
      created_at: "2026-11-24T10:00:00Z",
      estimated_wait_minutes: null,
    });
    const list = jobListSchema.parse({
      jobs: [{ job_id: "j", status: "archived", priority: "low", created_at: "t", user: "u" }],
      total: 1,
      limit: 20,
      offset: 0,
      next: null,
    });
    expect(list.jobs[0]?.status).toBe("archived");
    expect(cancelJobResponseSchema.parse({ job_id: "j", status: "cancelling" }).status).toBe(
      "cancelling",
    );
    const job = jobSchema.parse({
      job_id: "j",
      status: "completed",
      priority: "normal",
      created_at: "t",
      retry_count: 0,
      model: "odyssey-2",
      streams: [{ stream_id: "s", video_url: "https://files.example/v.mp4", user_id: "u" }],
    });
    expect(job.streams[0]).not.toHaveProperty("user_id");
  });

  it("read tokens, recordings, recording lists and errors", () => {
    expect(tokenResponseSchema.parse({ access_token: "t", expires_in: 3600 }).expires_in).toBe(
      3600,
    );
    // The SDK copes with a lifetime sent as text, or not sent: so must a client.
    expect(tokenResponseSchema.parse({ access_token: "t", expires_in: "3600" }).expires_in).toBe(
      3600,
    );
    expect(tokenResponseSchema.parse({ access_token: "t" }).expires_in).toBeUndefined();
    expect(
      tokenResponseSchema.parse({ access_token: "t", expires_in: "soon" }).expires_in,
    ).toBeUndefined();
    expect(tokenResponseSchema.safeParse({ access_token: "", expires_in: 3600 }).success).toBe(
      false,
    );
    expect(recordingSchema.parse({ stream_id: "s", video_url: "https://v" }).video_url).toBe(
      "https://v",
    );
    // Recording URLs land in src attributes and new tabs: only web addresses get through, and
    // anything else reads as no URL rather than costing the whole answer.
    for (const hostile of ["javascript:alert(1)", "data:text/html,x", "/relative", "ftp://f"]) {
      expect(recordingSchema.parse({ stream_id: "s", video_url: hostile }).video_url).toBeNull();
    }
    expect(recordingSchema.safeParse({ stream_id: "s", events_url: "HTTP://Host/e" }).success).toBe(
      true,
    );
    expect(
      streamRecordingListSchema.parse({
        recordings: [{ stream_id: "s", width: 1280, height: 704, duration_seconds: 2 }],
        total: 1,
        limit: 20,
        offset: 0,
      }).recordings,
    ).toHaveLength(1);
    expect(errorBodySchema.safeParse({ detail: "Invalid API key" }).success).toBe(true);
    expect(
      errorBodySchema.safeParse({ detail: [{ loc: ["body", "script", 0], msg: "m", type: "t" }] })
        .success,
    ).toBe(true);
    expect(
      errorBodySchema.parse({ detail: { message: "Monthly limit reached", limit: 3, used: 3 } })
        .detail,
    ).toEqual({ message: "Monthly limit reached", limit: 3, used: 3 });
    expect(errorBodySchema.safeParse({ message: "nope" }).success).toBe(false);
  });
});

describe("query parameters", () => {
  it("page with limit 1..100 (default 20) and offset >= 0 (default 0)", () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(pageQuerySchema.parse({ limit: "100", offset: "40" })).toEqual({
      limit: 100,
      offset: 40,
    });
    for (const bad of [
      { limit: "0" },
      { limit: "101" },
      { limit: "ten" },
      { offset: "-1" },
      { limit: "1.5" },
    ]) {
      expect(pageQuerySchema.safeParse(bad).success).toBe(false);
    }
  });

  it("filter jobs by status and activity", () => {
    expect(jobListQuerySchema.parse({ status: "failed", active: "true" })).toMatchObject({
      status: "failed",
      active: true,
    });
    expect(jobListQuerySchema.parse({ active: false })).toMatchObject({ active: false });
    expect(jobListQuerySchema.safeParse({ status: "running" }).success).toBe(false);
  });
});

describe("status groups", () => {
  it("know which states are final and which can be cancelled", () => {
    expect(isTerminalStatus("completed")).toBe(true);
    expect(isTerminalStatus("processing")).toBe(false);
    expect(isCancellableStatus("dispatched")).toBe(true);
    expect(isCancellableStatus("processing")).toBe(true);
    expect(isCancellableStatus("completed")).toBe(false);
    // A status the studio has never seen has not ended, as far as it knows.
    expect(isTerminalStatus("archived")).toBe(false);
  });
});
