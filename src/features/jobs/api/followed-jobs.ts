// The jobs this tab submitted, each followed by one toast from "Job submitted" to its result
// (see hooks/use-job-toasts.ts). Client state of this tab only: the jobs themselves, and their
// progress, stay in the query cache. Light on purpose: the studio imports it before Query's core.
import type { ExternalToast } from "sonner";
import { createStore } from "zustand/vanilla";
import { jobToastId } from "../model/job-toasts";

export interface FollowedJob {
  root: string;
  jobId: string;
  /** The toast's title while the job is active: "Job submitted", "Submitted again". */
  title: string;
  /** Closed by the creator, or pushed out by newer toasts: no more progress, only the result. */
  muted: boolean;
}

export const followedJobs = createStore<{ jobs: readonly FollowedJob[] }>(() => ({ jobs: [] }));

const same = (job: FollowedJob, root: string, jobId: string) =>
  job.root === root && job.jobId === jobId;

export function unfollowJob(root: string, jobId: string): void {
  followedJobs.setState((s) => ({ jobs: s.jobs.filter((job) => !same(job, root, jobId)) }));
}

function muteJob(root: string, jobId: string): void {
  followedJobs.setState((s) => ({
    jobs: s.jobs.map((job) => (same(job, root, jobId) ? { ...job, muted: true } : job)),
  }));
}

type JobToastOptions = Pick<ExternalToast, "id" | "duration" | "onDismiss">;

/**
 * The options of a followed job's toast while the job is active: the job's own id, so its
 * progress updates it in place and its result replaces it; on screen until then; muted once
 * closed (sonner reports a close, a swipe and a dismissal by newer toasts alike).
 */
export function jobToastOptions(root: string, jobId: string): JobToastOptions {
  return {
    id: jobToastId(jobId),
    duration: Number.POSITIVE_INFINITY,
    onDismiss: () => muteJob(root, jobId),
  };
}

/** Follows a job just submitted; gives the options of the toast that says so. */
export function followJob(root: string, jobId: string, title: string): JobToastOptions {
  followedJobs.setState((s) => ({
    jobs: [
      ...s.jobs.filter((job) => !same(job, root, jobId)),
      { root, jobId, title, muted: false },
    ],
  }));
  return jobToastOptions(root, jobId);
}
