// One job: where it is, how long it took, why it failed, and each stream's player once its
// video exists. The player itself is composed in by the app, since features stay apart.
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Panel } from "../../../components/panel";
import type { Job, JobStream, Recording } from "../../../contract/jobs";
import type { SimulateClient } from "../../../api/simulate-client";
import { formatDateTime, formatDuration, parseTimestamp } from "../../../lib/format-time";
import { openScriptRequest, type Submission } from "../../../lib/submissions/submission-store";
import { useSubmissions } from "../../../lib/submissions/use-submitted-scripts";
import { useJob } from "../api/get-job";
import { getRecordingQueryOptions } from "../api/get-recording";
import { useNow } from "../hooks/use-now";
import { isActiveStatus } from "../model/polling";
import { type StreamName, streamNames } from "../model/stream-names";
import { JobActions } from "./job-actions";
import { JobProgressDetail } from "./job-progress";
import { JobVideosToolbar } from "./job-videos-toolbar";
import { LazyStream } from "./lazy-stream";
import { OfflineBanner } from "./offline-banner";
import { StatusBadge } from "./status-badge";

export interface StreamView {
  stream: JobStream;
  /** "Stream 1", or "Script 2 · Stream 1" in a batch. */
  title: string;
  downloadName: string;
  /** Fresh presigned URLs for this stream. */
  refresh: () => Promise<Recording>;
}

export function JobDetail({
  client,
  jobId,
  renderStream,
  renderVideoActions,
}: {
  client: SimulateClient;
  jobId: string;
  renderStream: (view: StreamView) => ReactNode;
  /** Actions on all of the job's videos at once, such as "Download all". */
  renderVideoActions?: (views: StreamView[]) => ReactNode;
}) {
  const job = useJob(client, jobId);
  const submissions = useSubmissions(client.root, [jobId]);
  const queryClient = useQueryClient();
  const now = useNow(job.data && isActiveStatus(job.data.status) ? 1000 : null);

  if (job.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-500">
        Loading job…
      </p>
    );
  }
  if (job.isError && !job.data) {
    return (
      <Alert tone="error">
        <p className="font-semibold">This job could not be loaded.</p>
        <p className="mt-1">{job.error.message}</p>
        <Link to="/jobs" className="mt-2 inline-block font-medium underline">
          Back to jobs
        </Link>
      </Alert>
    );
  }
  const data = job.data as Job;
  const submission = submissions.data ? (submissions.data[0] ?? null) : undefined;
  const refreshFor = (streamId: string) => () =>
    queryClient.fetchQuery({ ...getRecordingQueryOptions(client, streamId), staleTime: 0 });

  const names = streamNames(data);
  const views: StreamView[] = data.streams.map((stream, index) => ({
    stream,
    ...(names[index] as StreamName),
    refresh: refreshFor(stream.stream_id),
  }));

  return (
    <div className="flex flex-col gap-6">
      <OfflineBanner fetchStatus={job.fetchStatus} />
      <Panel
        title="Job status"
        titleHidden
        className="flex flex-wrap items-start justify-between gap-4"
      >
        <div className="flex flex-col gap-2">
          <div className="flex items-center gap-3">
            <StatusBadge status={data.status} />
            <span className="font-mono text-xs text-zinc-500">{data.job_id}</span>
          </div>
          <Timeline job={data} now={now} />
          {data.status === "pending" || data.status === "dispatched" ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Waiting for a renderer. This page updates by itself.
            </p>
          ) : data.status === "processing" ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Rendering. Videos appear here when they are ready.
            </p>
          ) : null}
          <JobProgressDetail job={data} now={now} />
        </div>
        <JobActions client={client} job={data} submission={submission} compact />
      </Panel>

      {submission && submission.scripts.length > 1 ? (
        <BatchScripts submission={submission} />
      ) : null}

      {data.status === "failed" ? <FailureReport job={data} /> : null}

      {views.length > 0 ? (
        <JobVideosToolbar jobId={data.job_id} views={views}>
          {renderVideoActions?.(views)}
        </JobVideosToolbar>
      ) : null}
      {views.length > 0 ? (
        <div className="grid gap-6 xl:grid-cols-2">
          {views.map((view, index) =>
            view.stream.video_url ? (
              <LazyStream key={view.stream.stream_id} title={view.title} index={index}>
                {() => renderStream(view)}
              </LazyStream>
            ) : (
              <section
                key={view.stream.stream_id}
                aria-label={view.title}
                className="rounded-xl border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
              >
                <h2 className="mb-1 font-semibold text-zinc-900 dark:text-zinc-100">
                  {view.title}
                </h2>
                {view.stream.status === "failed"
                  ? "This stream failed; it has no video."
                  : data.status === "cancelled"
                    ? "The job was cancelled before this stream was rendered."
                    : "No video yet."}
              </section>
            ),
          )}
        </div>
      ) : data.status === "completed" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This job produced no streams.</p>
      ) : null}
    </div>
  );
}

function Timeline({ job, now }: { job: Job; now: number }) {
  const created = parseTimestamp(job.created_at);
  const started = parseTimestamp(job.started_at);
  const completed = parseTimestamp(job.completed_at);
  const rows: [string, Date | null][] = [
    ["Created", created],
    ["Started", started],
    [job.status === "completed" ? "Completed" : "Finished", completed],
  ];
  const total =
    created && completed
      ? `Took ${formatDuration(completed.getTime() - created.getTime())}`
      : created && isActiveStatus(job.status)
        ? `${formatDuration(now - created.getTime())} so far`
        : null;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {rows.map(([label, at]) =>
        at ? (
          <div key={label} className="flex gap-1.5">
            <dt className="text-zinc-500">{label}</dt>
            <dd>
              <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>
            </dd>
          </div>
        ) : null,
      )}
      {total ? (
        <div className="flex gap-1.5">
          <dt className="sr-only">Duration</dt>
          <dd className="tabular-nums text-zinc-600 dark:text-zinc-400">{total}</dd>
        </div>
      ) : null}
      {job.retry_count ? (
        <div className="flex gap-1.5">
          <dt className="text-zinc-500">Retries</dt>
          <dd>{job.retry_count}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function FailureReport({ job }: { job: Job }) {
  const failed = job.streams.filter((s) => s.status === "failed" || s.error_message);
  return (
    <Alert tone="error" label="Why the job failed">
      <h2 className="font-semibold">The job failed</h2>
      <p className="mt-1">{job.error_message ?? "The server gave no reason."}</p>
      {failed.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {failed.map((stream) => (
            <li key={stream.stream_id}>
              Stream {job.streams.indexOf(stream) + 1}: {stream.error_message ?? "failed"}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** A batch's scripts, each of which can be opened again as a draft of its own. */
function BatchScripts({ submission }: { submission: Submission }) {
  const [, navigate] = useLocation();
  return (
    <section aria-label="Scripts in this batch" className="text-sm">
      <h2 className="mb-2 font-semibold">Scripts in this batch</h2>
      <ol className="flex flex-wrap gap-2">
        {submission.names.map((name, index) => (
          <li key={index}>
            <Button
              size="sm"
              onClick={() => navigate("/", { state: openScriptRequest(submission, index) })}
            >
              Open script {index + 1}: {name}
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}
