import { isKnownStatus, type JobStatus } from "../../../contract/job-status";
import { statusLabel } from "../model/status-labels";

const styles: Record<JobStatus, string> = {
  pending: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  dispatched: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  processing: "bg-accent-100 text-accent-700 dark:bg-accent-500/15 dark:text-accent-400",
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  cancelled: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
};

const unknownStyle = "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

export function StatusBadge({ status }: { status: string }) {
  const moving = status === "processing" || status === "dispatched";
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${isKnownStatus(status) ? styles[status] : unknownStyle}`}
    >
      <span
        aria-hidden
        className={`size-1.5 rounded-full bg-current ${moving ? "motion-safe:animate-pulse" : ""}`}
      />
      {statusLabel(status)}
    </span>
  );
}
