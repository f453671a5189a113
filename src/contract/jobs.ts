// Request and response bodies of the Simulate API (../shared/docs/simulate-api.md).
//
// Two views of each answer. The `*Schema` parsers are what a client accepts: everything the
// official SDK's declared types allow and more (unknown fields ignored, a status it has never
// seen kept as text, priority as a string or a number), so a server shaped like Odyssey's
// cloud never reads as "not the API". The `Wire*` types are what our engine sends: exactly
// the SDK's declared shapes, plus a few fields the SDK ignores. src/test/sdk-conformance.ts
// checks both directions at compile time against the SDK's `dist/*.d.ts`.
import * as z from "zod/mini";
import { ACTIVE_JOB_STATUSES, JOB_STATUSES, type JobStatus } from "./job-status";

// ---- Errors ---------------------------------------------------------------------------

export const validationIssueSchema = z.object({
  loc: z.catch(z.array(z.union([z.string(), z.number()])), []),
  msg: z.string(),
  type: z.catch(z.string(), ""),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/**
 * An error's `detail` beyond FastAPI's two shapes: usage limits answer 429 with an object
 * such as `{message, limit, used}` or the SDK's `UsageErrorData` (`{code, message, action}`).
 */
export type ErrorDetailObject = Record<string, unknown>;
export type ErrorDetail = string | ValidationIssue[] | ErrorDetailObject;

/** FastAPI's error body: a sentence, a list of validation issues, or an object. */
export const errorBodySchema = z.object({
  detail: z.union([z.string(), z.array(validationIssueSchema), z.record(z.string(), z.unknown())]),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- Auth -----------------------------------------------------------------------------

export const tokenRequestSchema = z.object({ api_key: z.string().check(z.minLength(1)) });
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

/** Token lifetimes arrive as numbers, numeric strings, or not at all; unreadable is unknown. */
const tokenLifetime = z.catch(
  z.optional(z.coerce.number<unknown>().check(z.positive())),
  undefined,
);

export const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  /** Seconds; undefined when the server did not say, and the token is kept until a 401. */
  expires_in: tokenLifetime,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export interface WireToken {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
}

// ---- Jobs -----------------------------------------------------------------------------

export const jobStatusSchema = z.enum(JOB_STATUSES);

/**
 * Script entries are checked here only for shape; `validateScript` reports the rules, so a
 * server can answer one 422 that names every problem of every script.
 */
export const createJobRequestSchema = z
  .object({
    script: z.optional(z.array(z.unknown())),
    scripts: z.optional(z.array(z.array(z.unknown())).check(z.minLength(1))),
    script_url: z.optional(z.string().check(z.minLength(1))),
    portrait: z._default(z.boolean(), true),
    output_video: z._default(z.boolean(), true),
    bypass_vlm_expansion: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (body) =>
        [body.script, body.scripts, body.script_url].filter((v) => v !== undefined).length === 1,
      { error: "give exactly one of script, scripts or script_url" },
    ),
  );
export type CreateJobRequest = z.input<typeof createJobRequestSchema>;

/** The SDK declares `priority: string`; older servers (and this engine once) sent a number. */
const priority = z.catch(
  z.nullish(
    z.union([
      z.string(),
      z.pipe(
        z.number(),
        z.transform((n: number) => String(n)),
      ),
    ]),
  ),
  null,
);
const timestamp = z.catch(z.nullish(z.string()), null);

export const createJobResponseSchema = z.object({
  job_id: z.string().check(z.minLength(1)),
  /** Any text: the SDK types it `string` here. */
  status: z.string(),
  priority,
  created_at: z.string(),
  estimated_wait_minutes: z.catch(z.nullish(z.number()), null),
});
export type CreateJobResponse = z.infer<typeof createJobResponseSchema>;

export interface WireCreatedJob {
  job_id: string;
  status: "pending";
  priority: string;
  created_at: string;
  estimated_wait_minutes: number | null;
}

/**
 * An absolute http(s) address. Recording URLs end up in a video's src, a download link and a
 * new tab, so anything else (a javascript: URL from a hostile server) reads as no URL at all;
 * the SDK types them `string`, so a strange one must not cost the whole answer.
 */
const webUrl = z.catch(z.nullish(z.string().check(z.regex(/^https?:\/\/[^\s]+$/i))), null);

/** A stream's recording: presigned URLs of its files (null until it is rendered). */
export const recordingSchema = z.object({
  stream_id: z.string(),
  video_url: webUrl,
  events_url: webUrl,
  thumbnail_url: webUrl,
  preview_url: webUrl,
  frame_count: z.catch(z.nullish(z.number()), null),
  duration_seconds: z.catch(z.nullish(z.number()), null),
  /** Not in the SDK's types: the local engine names the recording's job, the cloud does not. */
  job_id: z.catch(z.nullish(z.string()), null),
});
export type Recording = z.infer<typeof recordingSchema>;
export type RecordingFileKind = "video" | "events" | "thumbnail" | "preview";

export interface WireRecording {
  stream_id: string;
  video_url: string | null;
  events_url: string | null;
  thumbnail_url: string | null;
  preview_url: string | null;
  frame_count: number | null;
  duration_seconds: number | null;
  /** Sent by the engine's recording answers, not in a job's streams (the job is known there). */
  job_id?: string;
}

/** A whole-number percentage; anything else from a server reads as unknown. */
const percent = z.catch(
  z._default(z.nullable(z.number().check(z.minimum(0), z.maximum(100))), null),
  null,
);

/**
 * Not in the SDK's types: the local engine's render progress, which the SDK ignores. Odyssey's
 * cloud sends none, and a client then shows nothing (unknown is not 0 %).
 */
export const jobProgressSchema = z.object({
  /** Streams whose video is complete. */
  streams_done: z.int().check(z.nonnegative()),
  streams_total: z.int().check(z.nonnegative()),
  /** Frames rendered of all the job's frames. */
  percent: z.number().check(z.minimum(0), z.maximum(100)),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
const progress = z.catch(z._default(z.nullable(jobProgressSchema), null), null);

export interface WireJobProgress {
  streams_done: number;
  streams_total: number;
  percent: number;
}

/** A stream as a job reports it: its recording, plus where it came from and how it went. */
export const jobStreamSchema = z.extend(recordingSchema, {
  script_index: z.catch(z.nullish(z.int()), null),
  /** Not in the SDK's types: the local engine's, read when a job failed. */
  status: z.catch(z.nullish(z.string()), null),
  error_message: z.catch(z.nullish(z.string()), null),
  /** Not in the SDK's types: the local engine's share of this stream's frames rendered. */
  progress_percent: percent,
});
export type JobStream = z.infer<typeof jobStreamSchema>;

export interface WireJobStream extends WireRecording {
  script_index: number;
  status: string;
  error_message: string | null;
  progress_percent: number;
}

const jobFields = {
  job_id: z.string(),
  priority,
  created_at: z.string(),
  dispatched_at: timestamp,
  started_at: timestamp,
  completed_at: timestamp,
  error_message: z.catch(z.nullish(z.string()), null),
  assigned_region: z.catch(z.nullish(z.string()), null),
  retry_count: z.catch(z.nullish(z.int()), null),
  streams: z._default(z.array(jobStreamSchema), []),
  progress,
};

/**
 * A job by its status. The SDK types every time and message as nullable in every state, so
 * the variants differ only in what the status says; code narrows on it to act per state.
 */
export const jobSchema = z.discriminatedUnion("status", [
  z.object({ status: z.enum(ACTIVE_JOB_STATUSES), ...jobFields }),
  z.object({ status: z.literal("completed"), ...jobFields }),
  z.object({ status: z.literal("failed"), ...jobFields }),
  z.object({ status: z.literal("cancelled"), ...jobFields }),
]);
export type Job = z.infer<typeof jobSchema>;

interface WireJobFields {
  job_id: string;
  priority: string;
  created_at: string;
  dispatched_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  error_message: string | null;
  assigned_region: string | null;
  retry_count: number;
  streams: WireJobStream[];
  progress: WireJobProgress;
}
/** What the engine sends for a job: one variant per status, as the parser reads them. */
export type WireJob = { [S in JobStatus]: WireJobFields & { status: S } }[JobStatus];

export const jobSummarySchema = z.object({
  job_id: z.string(),
  /** Any text: the SDK types list items' status `string`. Unknown ones are shown as they are. */
  status: z.string(),
  priority,
  created_at: z.string(),
  completed_at: timestamp,
  error_message: z.catch(z.nullish(z.string()), null),
  progress,
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export interface WireJobSummary {
  job_id: string;
  status: JobStatus;
  priority: string;
  created_at: string;
  completed_at: string | null;
  error_message: string | null;
  progress: WireJobProgress;
}

const pageFields = {
  total: z.number().check(z.nonnegative()),
  limit: z.number(),
  offset: z.number(),
};
interface WirePage {
  total: number;
  limit: number;
  offset: number;
}

export const jobListSchema = z.object({ jobs: z.array(jobSummarySchema), ...pageFields });
export type JobList = z.infer<typeof jobListSchema>;
export interface WireJobList extends WirePage {
  jobs: WireJobSummary[];
}

export const cancelJobResponseSchema = z.object({
  job_id: z.string(),
  /** The SDK types it `string`; a server that cancelled says "cancelled". */
  status: z.string(),
});
export type CancelJobResponse = z.infer<typeof cancelJobResponseSchema>;
export interface WireCancelledJob {
  job_id: string;
  status: "cancelled";
}

// ---- Query parameters -----------------------------------------------------------------

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;

// Query strings arrive as text and clients build them from numbers and booleans: the input
// types say what a client may pass, the transforms read what arrives.
const limitParam = z._default(
  z.coerce.number<number | string>().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_LIMIT)),
  DEFAULT_PAGE_LIMIT,
);
const offsetParam = z._default(z.coerce.number<number | string>().check(z.int(), z.minimum(0)), 0);

export const pageQuerySchema = z.object({ limit: limitParam, offset: offsetParam });
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const jobListQuerySchema = z.object({
  status: z.optional(jobStatusSchema),
  active: z.optional(
    z.pipe(
      z.union([z.boolean(), z.enum(["true", "false", "1", "0"])]),
      z.transform((value) => value === true || value === "true" || value === "1"),
    ),
  ),
  limit: limitParam,
  offset: offsetParam,
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const streamRecordingSchema = z.object({
  stream_id: z.string(),
  width: z.catch(z.nullish(z.number()), null),
  height: z.catch(z.nullish(z.number()), null),
  started_at: timestamp,
  ended_at: timestamp,
  duration_seconds: z.catch(z.nullish(z.number()), null),
  /** Not in the SDK's types: the local engine names the recording's job, the cloud does not. */
  job_id: z.catch(z.nullish(z.string()), null),
});
export type StreamRecording = z.infer<typeof streamRecordingSchema>;

export interface WireStreamRecording {
  stream_id: string;
  width: number;
  height: number;
  started_at: string;
  ended_at: string | null;
  duration_seconds: number | null;
  job_id: string;
}

export const streamRecordingListSchema = z.object({
  recordings: z.array(streamRecordingSchema),
  ...pageFields,
});
export type StreamRecordingList = z.infer<typeof streamRecordingListSchema>;
export interface WireStreamRecordingList extends WirePage {
  recordings: WireStreamRecording[];
}

/** The scripts a job request carries inline, as a list (`script` is a batch of one). */
export function inlineScripts(body: { script?: unknown[]; scripts?: unknown[][] }): unknown[][] {
  if (body.script !== undefined) return [body.script];
  return body.scripts ?? [];
}
