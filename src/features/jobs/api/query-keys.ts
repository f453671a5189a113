// The jobs feature's query keys, hierarchical with variables last. Each carries the API root,
// so switching between the local engine and the cloud never shows one's jobs as the other's.
import type { JobStatus } from "../../../contract/job-status";

export interface JobListFilters {
  status?: JobStatus;
  active?: boolean;
  page: number;
}

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (root: string, filters: JobListFilters) =>
    [...jobKeys.lists(), { root, ...filters }] as const,
  details: () => [...jobKeys.all, "detail"] as const,
  detail: (root: string, jobId: string) => [...jobKeys.details(), { root, jobId }] as const,
};

export const recordingKeys = {
  all: ["recordings"] as const,
  lists: () => [...recordingKeys.all, "list"] as const,
  list: (root: string, page: number) => [...recordingKeys.lists(), { root, page }] as const,
  detail: (root: string, streamId: string) =>
    [...recordingKeys.all, "detail", { root, streamId }] as const,
};

export const JOBS_PAGE_SIZE = 20;
