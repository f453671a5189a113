import { isKnownStatus, type JobStatus } from "../../../contract/job-status";

export const STATUS_LABELS: Record<JobStatus, string> = {
  pending: "Pending",
  dispatched: "Dispatched",
  processing: "Processing",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** A status in words. One the studio does not know (a server may add any) is shown as sent. */
export function statusLabel(status: string): string {
  return isKnownStatus(status) ? STATUS_LABELS[status] : status;
}
