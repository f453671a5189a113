// What a job's one toast says as the job goes, from "Job submitted" to its result: while it
// renders on the local engine, streams done of total, the job's percentage, the time left and
// each stream's percentage; once it ends, whether its videos are ready or why it failed.
import type { Job, JobProgress } from "../../../contract/jobs";
import { formatDuration, parseTimestamp } from "../../../lib/format-time";
import { describeDuration, remainingMs } from "./estimate";
import { streamNames } from "./stream-names";

/** The one toast of a job: the submit toast, its progress and its result all use it. */
export const jobToastId = (jobId: string) => `job:${jobId}`;

/** Beyond this many streams, a toast names only the first ones: the job page has them all. */
export const MAX_STREAMS_IN_TOAST = 4;

/** "1 of 2 streams · 45 %", as the jobs list, the job page and the toasts say it. */
export function progressLabel(progress: JobProgress): string {
  const streams = progress.streams_total === 1 ? "stream" : "streams";
  return `${progress.streams_done} of ${progress.streams_total} ${streams} · ${progress.percent} %`;
}

/**
 * What a rendering job's toast says under its title, or null while it is not rendering or does
 * not say how far it is (Odyssey's cloud reports no progress; unknown is not 0 %).
 */
export function renderingDescription(job: Job, now: number): string | null {
  const { progress } = job;
  if (job.status !== "processing" || !progress || progress.streams_total === 0) return null;
  const left = describeDuration(remainingMs(progress.percent, parseTimestamp(job.started_at), now));
  let text = `Job ${job.job_id.slice(0, 8)} is rendering: ${progressLabel(progress)}`;
  if (left) text += `, ${left} left`;
  text += ".";
  if (job.streams.length > 1) {
    const names = streamNames(job);
    const each = job.streams.flatMap((stream, i) =>
      stream.progress_percent == null ? [] : [`${names[i]?.title}: ${stream.progress_percent} %`],
    );
    if (each.length > 0) {
      const more = each.length - MAX_STREAMS_IN_TOAST;
      text += ` ${each.slice(0, MAX_STREAMS_IN_TOAST).join(", ")}${more > 0 ? `, and ${more} more` : ""}.`;
    }
  }
  return text;
}

export interface JobResultToast {
  kind: "success" | "error";
  title: string;
  description?: string;
  /** A failure stays longer: its reason is worth reading. */
  duration?: number;
}

/** The toast a job ends with; null while it is active, and for a cancelled job (the creator did that). */
export function jobResultToast(job: Job): JobResultToast | null {
  const short = job.job_id.slice(0, 8);
  if (job.status === "completed") {
    const count = job.streams.length;
    return {
      kind: "success",
      title: count === 1 ? "Your video is ready" : `Your ${count} videos are ready`,
      description: `Job ${short} completed${tookText(job)}.`,
    };
  }
  if (job.status === "failed") {
    const description = [renderedText(job), job.error_message].filter(Boolean).join(" ");
    return {
      kind: "error",
      title: `Job ${short} failed`,
      ...(description && { description }),
      duration: 15_000,
    };
  }
  return null;
}

/** " in 6 s" for a job with both times, else nothing. */
function tookText(job: Job): string {
  const started = parseTimestamp(job.created_at);
  const completed = parseTimestamp(job.completed_at);
  if (!started || !completed) return "";
  return ` in ${formatDuration(completed.getTime() - started.getTime())}`;
}

/** "1 of 2 streams were rendered." from the local engine's progress; nothing from the cloud. */
function renderedText(job: Job): string | null {
  const { progress } = job;
  if (!progress || progress.streams_total < 2) return null;
  return `${progress.streams_done} of ${progress.streams_total} streams were rendered.`;
}
