// Render progress of a running job, as the local engine reports it: streams done of total, a
// percentage for the job and for each stream, and the time left at the rate so far. A server
// that reports none (Odyssey's cloud) shows nothing: unknown is not 0 %.
import type { Job, JobProgress as Progress, JobStream } from "../../../contract/jobs";
import { parseTimestamp } from "../../../lib/format-time";
import { describeDuration, remainingMs } from "../model/estimate";
import { progressLabel } from "../model/job-toasts";

function Bar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
    >
      <div
        className="h-full rounded-full bg-accent-600 transition-[width] duration-500 motion-reduce:transition-none"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

/** One line for a row of the jobs list; nothing unless the job is rendering and says how far. */
export function JobProgressSummary({
  status,
  progress,
}: {
  status: string;
  progress: Progress | null | undefined;
}) {
  if (status !== "processing" || !progress || progress.streams_total === 0) return null;
  return (
    <div className="mt-1.5 flex w-36 flex-col gap-1">
      <Bar percent={progress.percent} label="Render progress" />
      <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {progressLabel(progress)}
      </span>
    </div>
  );
}

/** The job page's view: the job's bar, the time left when it can be told, and each stream's. */
export function JobProgressDetail({ job, now }: { job: Job; now: number }) {
  const { progress } = job;
  if (job.status !== "processing" || !progress || progress.streams_total === 0) return null;
  const left = describeDuration(remainingMs(progress.percent, parseTimestamp(job.started_at), now));
  const batch = new Set(job.streams.map((s) => s.script_index ?? 0)).size > 1;
  return (
    <section aria-label="Render progress" className="flex max-w-md flex-col gap-2 text-sm">
      <Bar percent={progress.percent} label="Job render progress" />
      <p className="tabular-nums text-zinc-700 dark:text-zinc-300">
        {progressLabel(progress)}
        {left ? ` · ${left} left` : null}
      </p>
      {job.streams.length > 1 ? (
        <ul className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          {streamTitles(job.streams, batch).map(({ stream, title }) =>
            stream.progress_percent === null ? null : (
              <li key={stream.stream_id} className="flex items-center gap-2">
                <span className="w-32 shrink-0">{title}</span>
                <Bar percent={stream.progress_percent} label={`${title} render progress`} />
                <span className="w-10 shrink-0 text-right tabular-nums">
                  {stream.progress_percent} %
                </span>
              </li>
            ),
          )}
        </ul>
      ) : null}
    </section>
  );
}

/** Streams numbered within their script, as the job page and the timeline count them. */
function streamTitles(streams: JobStream[], batch: boolean) {
  const perScript = new Map<number, number>();
  return streams.map((stream) => {
    const script = stream.script_index ?? 0;
    const n = (perScript.get(script) ?? 0) + 1;
    perScript.set(script, n);
    return { stream, title: batch ? `Script ${script + 1} · Stream ${n}` : `Stream ${n}` };
  });
}
