import type { JobStatus } from "../../../contract/jobs";

export const STATUS_LABELS: Record<JobStatus, string> = {
  pending: "Pending",
  dispatched: "Dispatched",
  processing: "Processing",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};
