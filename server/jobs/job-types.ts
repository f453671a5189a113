// The engine's view of a job. The wire shape is the contract's `Job`; these are the rows
// behind it, with the fields only the engine sees (tenant, scripts, planned length).
import type { JobStatus } from "../../src/contract/job-status";
import type { ScriptEntry } from "../../src/contract/script";

interface JobFields {
  seq: number;
  id: string;
  tenant: string;
  priority: number;
  portrait: boolean;
  bypassVlm: boolean;
  /** Total planned media length of all its streams. */
  mediaMs: number;
  createdAt: string;
  retryCount: number;
}

/**
 * A job by its state: what each state guarantees is in its type, so code that holds a
 * completed job has its completion time, and a failed one its reason. `moveJob` stamps the
 * fields as the job enters each state; `toJob` reads a row back into the matching variant.
 */
export type JobRecord = JobFields &
  (
    | {
        status: "pending";
        dispatchedAt: null;
        startedAt: null;
        completedAt: null;
        errorMessage: null;
      }
    | {
        status: "dispatched";
        dispatchedAt: string;
        startedAt: null;
        completedAt: null;
        errorMessage: null;
      }
    | {
        status: "processing";
        dispatchedAt: string;
        startedAt: string;
        completedAt: null;
        errorMessage: null;
      }
    | {
        status: "completed";
        dispatchedAt: string;
        startedAt: string;
        completedAt: string;
        errorMessage: null;
      }
    | {
        status: "failed";
        dispatchedAt: string | null;
        startedAt: string | null;
        completedAt: string;
        errorMessage: string;
      }
    | {
        status: "cancelled";
        dispatchedAt: string | null;
        /** Set when the job was cancelled while rendering. */
        startedAt: string | null;
        completedAt: string;
        errorMessage: null;
      }
  );

export type StreamStatus = "pending" | "processing" | "completed" | "failed" | "cancelled";

export interface StreamRecord {
  id: string;
  jobId: string;
  tenant: string;
  /** 0-based position among all the job's streams, across scripts. */
  position: number;
  scriptIndex: number;
  status: StreamStatus;
  plannedMs: number;
  /** Frames rendered so far; written every few hundred ms while the stream renders. */
  framesDone: number;
  frameCount: number | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  startedAt: string | null;
  endedAt: string | null;
  errorMessage: string | null;
}

export interface NewJob {
  tenant: string;
  portrait: boolean;
  bypassVlm: boolean;
  scripts: ScriptEntry[][];
  streams: { scriptIndex: number; plannedMs: number }[];
}

/**
 * The only moves a job may make. Anything else is a bug or a race (a cancel landing as a
 * worker claims the job), and `moveJob` refuses it rather than overwriting.
 */
export const JOB_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  pending: ["dispatched", "cancelled", "failed"],
  dispatched: ["processing", "cancelled", "pending", "failed"],
  processing: ["completed", "failed", "pending", "cancelled"],
  completed: [],
  failed: [],
  cancelled: [],
};

/** The time field each state stamps when a job enters it. */
export const STAMPED_FIELD: Partial<
  Record<JobStatus, "dispatched_at" | "started_at" | "completed_at">
> = {
  dispatched: "dispatched_at",
  processing: "started_at",
  completed: "completed_at",
  failed: "completed_at",
  cancelled: "completed_at",
};

/**
 * How many times a job's render process may die under a living engine before the job is
 * failed: a job that keeps crashing its renderer is the poison pill, not bad luck.
 */
export const MAX_TRIES = 3;

/**
 * How many engine starts may find a job interrupted before it is failed. An engine killed
 * outright is rarely the job's fault, so this is only a last guard against a job that takes
 * the whole engine down with it.
 */
export const MAX_INTERRUPTED_STARTS = 20;
