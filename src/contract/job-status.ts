// A job's statuses and what they mean, apart from the schemas in ./jobs.ts: the studio's first
// load needs these words and tests, and must not pay for zod to get them (issue 14). The
// schemas build on the same list, so the two cannot drift.
export const JOB_STATUSES = [
  "pending",
  "dispatched",
  "processing",
  "completed",
  "failed",
  "cancelled",
] as const;
/** The statuses the SDK names. Lists and create answers may carry others: see `isKnownStatus`. */
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ACTIVE_JOB_STATUSES = ["pending", "dispatched", "processing"] as const;
export const TERMINAL_JOB_STATUSES = ["completed", "failed", "cancelled"] as const;
/**
 * What a cancel may be asked for. The local engine stops a running render too; Odyssey's cloud
 * may refuse a processing job with a 400, which a client shows in words.
 */
export const CANCELLABLE_JOB_STATUSES = ["pending", "dispatched", "processing"] as const;
export type ActiveJobStatus = (typeof ACTIVE_JOB_STATUSES)[number];

export function isKnownStatus(status: string): status is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(status);
}
/** Whether the job has ended. A status this studio does not know has not, as far as it can tell. */
export function isTerminalStatus(status: string): boolean {
  return (TERMINAL_JOB_STATUSES as readonly string[]).includes(status);
}
export function isCancellableStatus(status: string): boolean {
  return (CANCELLABLE_JOB_STATUSES as readonly string[]).includes(status);
}
