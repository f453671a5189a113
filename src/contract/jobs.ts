// Request and response bodies of the Simulate API (../shared/docs/simulate-api.md). Request
// schemas are strict about what matters and ignore unknown fields, as the hosted API does;
// response schemas are lenient where a real server may leave a field out or null.
import { z } from "zod";

// ---- Errors ---------------------------------------------------------------------------

export const validationIssueSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** FastAPI's error body: a sentence, or a list of validation issues. */
export const errorBodySchema = z.object({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- Auth -----------------------------------------------------------------------------

export const tokenRequestSchema = z.object({ api_key: z.string().min(1) });
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

// ---- Jobs -----------------------------------------------------------------------------

export const JOB_STATUSES = [
  "pending",
  "dispatched",
  "processing",
  "completed",
  "failed",
  "cancelled",
] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const ACTIVE_JOB_STATUSES = ["pending", "dispatched", "processing"] as const;
export const TERMINAL_JOB_STATUSES = ["completed", "failed", "cancelled"] as const;
export const CANCELLABLE_JOB_STATUSES = ["pending", "dispatched"] as const;

export function isTerminalStatus(status: JobStatus): boolean {
  return (TERMINAL_JOB_STATUSES as readonly JobStatus[]).includes(status);
}
export function isCancellableStatus(status: JobStatus): boolean {
  return (CANCELLABLE_JOB_STATUSES as readonly JobStatus[]).includes(status);
}

/**
 * Script entries are checked here only for shape; `validateScript` reports the rules, so a
 * server can answer one 422 that names every problem of every script.
 */
export const createJobRequestSchema = z
  .object({
    script: z.array(z.unknown()).optional(),
    scripts: z.array(z.array(z.unknown())).min(1).optional(),
    script_url: z.string().min(1).optional(),
    portrait: z.boolean().default(true),
    output_video: z.boolean().default(true),
    bypass_vlm_expansion: z.boolean().optional(),
  })
  .refine(
    (body) =>
      [body.script, body.scripts, body.script_url].filter((v) => v !== undefined).length === 1,
    { error: "give exactly one of script, scripts or script_url" },
  );
export type CreateJobRequest = z.input<typeof createJobRequestSchema>;

export const createJobResponseSchema = z.object({
  job_id: z.string(),
  status: jobStatusSchema,
  priority: z.number().nullish(),
  created_at: z.string(),
  estimated_wait_minutes: z.number().nullable().optional(),
});
export type CreateJobResponse = z.infer<typeof createJobResponseSchema>;

/**
 * An absolute http(s) address. Recording URLs end up in a video's src, a download link and a
 * new tab, so anything else (a javascript: URL from a hostile server) is refused at parsing.
 */
const webUrl = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/i, { error: "expected an absolute http(s) URL" });

/** A stream's recording: presigned URLs of its files (null until it is rendered). */
export const recordingSchema = z.object({
  stream_id: z.string(),
  video_url: webUrl.nullish(),
  events_url: webUrl.nullish(),
  thumbnail_url: webUrl.nullish(),
  preview_url: webUrl.nullish(),
  frame_count: z.number().nullish(),
  duration_seconds: z.number().nullish(),
});
export type Recording = z.infer<typeof recordingSchema>;

/** A stream as a job reports it: its recording, plus where it came from and how it went. */
export const jobStreamSchema = recordingSchema.extend({
  script_index: z.number().int().nullish(),
  status: z.string().nullish(),
  error_message: z.string().nullish(),
});
export type JobStream = z.infer<typeof jobStreamSchema>;

const timestamp = z.string().nullish();

export const jobSchema = z.object({
  job_id: z.string(),
  status: jobStatusSchema,
  priority: z.number().nullish(),
  created_at: z.string(),
  dispatched_at: timestamp,
  started_at: timestamp,
  completed_at: timestamp,
  error_message: z.string().nullish(),
  assigned_region: z.string().nullish(),
  retry_count: z.number().int().nullish(),
  streams: z.array(jobStreamSchema).default([]),
});
export type Job = z.infer<typeof jobSchema>;

export const jobSummarySchema = z.object({
  job_id: z.string(),
  status: jobStatusSchema,
  priority: z.number().nullish(),
  created_at: z.string(),
  completed_at: timestamp,
  error_message: z.string().nullish(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

const pageFields = {
  total: z.number().int().nonnegative(),
  limit: z.number().int(),
  offset: z.number().int(),
};

export const jobListSchema = z.object({ jobs: z.array(jobSummarySchema), ...pageFields });
export type JobList = z.infer<typeof jobListSchema>;

export const cancelJobResponseSchema = z.object({
  job_id: z.string(),
  status: z.literal("cancelled"),
});
export type CancelJobResponse = z.infer<typeof cancelJobResponseSchema>;

// ---- Query parameters -----------------------------------------------------------------

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;

// Query strings arrive as text; these read them as the API does.
const limitParam = z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT);
const offsetParam = z.coerce.number().int().min(0).default(0);

export const pageQuerySchema = z.object({ limit: limitParam, offset: offsetParam });
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const jobListQuerySchema = z.object({
  status: jobStatusSchema.optional(),
  active: z
    .enum(["true", "false", "1", "0"])
    .transform((value) => value === "true" || value === "1")
    .optional(),
  limit: limitParam,
  offset: offsetParam,
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const streamRecordingSchema = z.object({
  stream_id: z.string(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  started_at: timestamp,
  ended_at: timestamp,
  duration_seconds: z.number().nullish(),
});
export type StreamRecording = z.infer<typeof streamRecordingSchema>;

export const streamRecordingListSchema = z.object({
  recordings: z.array(streamRecordingSchema),
  ...pageFields,
});
export type StreamRecordingList = z.infer<typeof streamRecordingListSchema>;

/** The scripts a job request carries inline, as a list (`script` is a batch of one). */
export function inlineScripts(body: { script?: unknown[]; scripts?: unknown[][] }): unknown[][] {
  if (body.script !== undefined) return [body.script];
  return body.scripts ?? [];
}
