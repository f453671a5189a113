// The Jobs page: every job of the current target and key, newest first, filtered and paged
// through the address bar so a view can be bookmarked and Back works.
import { Link, useSearchParams } from "wouter";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { DataTable } from "../../../components/data-table";
import { Pager } from "../../../components/pager";
import { type JobSummary } from "../../../contract/jobs";
import { JOB_STATUSES, type JobStatus } from "../../../contract/job-status";
import { formatCount } from "../../../contract/format";
import type { SimulateClient } from "../../../api/simulate-client";
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  parseTimestamp,
} from "../../../lib/format-time";
import { streamCount, type Submission } from "../../../lib/submissions/submission-store";
import { useSubmissions } from "../../../lib/submissions/use-submitted-scripts";
import { useJobs } from "../api/get-jobs";
import { JOBS_PAGE_SIZE } from "../api/query-keys";
import { useNow } from "../hooks/use-now";
import { isActiveStatus } from "../model/polling";
import { JobActions } from "./job-actions";
import { OfflineBanner } from "./offline-banner";
import { STATUS_LABELS } from "../model/status-labels";
import { JobProgressSummary } from "./job-progress";
import { StatusBadge } from "./status-badge";
import { JobThumbnail } from "./thumbnail";

function readFilters(params: URLSearchParams) {
  const status = params.get("status");
  const page = Number(params.get("page") ?? "1");
  return {
    status: (JOB_STATUSES as readonly string[]).includes(status ?? "")
      ? (status as JobStatus)
      : undefined,
    active: params.get("active") === "1",
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

export function JobsDashboard({ client }: { client: SimulateClient }) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const jobs = useJobs(client, filters);
  const list = jobs.data;
  const submissions = useSubmissions(
    client.root,
    (list?.jobs ?? []).map((job) => job.job_id),
  );
  const anyActive = list?.jobs.some((job) => isActiveStatus(job.status)) ?? false;
  // Each second while jobs run (elapsed times), else each half minute for "3 min ago".
  const now = useNow(anyActive ? 1000 : 30_000);

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    if (!("page" in change)) next.delete("page");
    setParams(next);
  };

  const total = list?.total ?? 0;
  const first = total === 0 ? 0 : filters.page * JOBS_PAGE_SIZE + 1;
  const last = Math.min(total, (filters.page + 1) * JOBS_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));

  return (
    <section aria-label="Jobs" className="flex flex-col gap-4">
      <OfflineBanner fetchStatus={jobs.fetchStatus} />
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          Status
          <select
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            value={filters.status ?? ""}
            onChange={(event) => update({ status: event.target.value || null })}
          >
            <option value="">All statuses</option>
            {JOB_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent-600"
            checked={filters.active}
            onChange={(event) => update({ active: event.target.checked ? "1" : null })}
          />
          Active only
        </label>
        <p className="ml-auto text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {list
            ? total === 0
              ? "No jobs"
              : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} jobs`
            : null}
        </p>
      </div>

      {jobs.isPending ? (
        <p role="status" className="text-sm text-zinc-500">
          Loading jobs…
        </p>
      ) : jobs.isError && !list ? (
        <Alert tone="error">
          <p className="font-semibold">The jobs could not be loaded.</p>
          <p className="mt-1">{jobs.error.message}</p>
          <Button variant="link" className="mt-2" onClick={() => void jobs.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : list && list.jobs.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {filters.status || filters.active ? (
            "No jobs match these filters."
          ) : (
            <>
              No jobs yet. Draft a script in the{" "}
              <Link to="/" className="font-medium text-accent-600 underline dark:text-accent-400">
                studio
              </Link>{" "}
              and press Submit.
            </>
          )}
        </div>
      ) : list ? (
        <DataTable
          caption="Jobs, newest first"
          columns={["Job", "Status", "Created", "Time", "Streams", "Actions"]}
        >
          {list.jobs.map((job, index) => (
            <JobRow
              key={job.job_id}
              client={client}
              job={job}
              now={now}
              submission={submissions.data ? (submissions.data[index] ?? null) : undefined}
            />
          ))}
        </DataTable>
      ) : null}

      <Pager
        page={filters.page}
        pages={pages}
        onPage={(page) => update({ page: page === 0 ? null : String(page + 1) })}
      />
    </section>
  );
}

function JobRow({
  client,
  job,
  now,
  submission,
}: {
  client: SimulateClient;
  job: JobSummary;
  now: number;
  submission: Submission | null | undefined;
}) {
  const created = parseTimestamp(job.created_at);
  const completed = parseTimestamp(job.completed_at);
  const active = isActiveStatus(job.status);
  const took = created && completed ? completed.getTime() - created.getTime() : null;
  const elapsed = created && active ? now - created.getTime() : null;
  const name = submission?.names.length
    ? submission.names.length > 1
      ? `${submission.names[0]} + ${submission.names.length - 1} more`
      : submission.names[0]
    : null;
  return (
    <tr className="align-top">
      <th scope="row" className="px-4 py-3 font-normal">
        <div className="flex items-start gap-3">
          <JobThumbnail
            client={client}
            jobId={job.job_id}
            completed={job.status === "completed"}
            alt={`First frame of ${name ?? `job ${job.job_id.slice(0, 8)}`}`}
          />
          <div className="min-w-0">
            <Link
              to={`/jobs/${encodeURIComponent(job.job_id)}`}
              className="font-medium break-words text-accent-700 hover:underline dark:text-accent-400"
            >
              {name ?? `Job ${job.job_id.slice(0, 8)}`}
            </Link>
            <div className="font-mono text-xs text-zinc-500">{job.job_id.slice(0, 8)}</div>
          </div>
        </div>
      </th>
      <td className="px-4 py-3">
        <StatusBadge status={job.status} />
        <JobProgressSummary status={job.status} progress={job.progress} />
        {job.status === "failed" && job.error_message ? (
          <p className="mt-1 max-w-sm text-xs text-red-700 dark:text-red-300">
            {job.error_message}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        {created ? (
          <time dateTime={created.toISOString()} title={formatDateTime(created)}>
            {formatRelativeTime(created, now)}
          </time>
        ) : (
          "—"
        )}
      </td>
      <td className="px-4 py-3 whitespace-nowrap tabular-nums">
        {took !== null ? (
          <span title="Total time">{formatDuration(took)}</span>
        ) : elapsed !== null ? (
          <span title="Elapsed so far">{formatDuration(elapsed)} so far</span>
        ) : (
          "—"
        )}
      </td>
      <td className="px-4 py-3 tabular-nums">
        {submission ? (
          streamCount(submission)
        ) : (
          <span title="Submitted from elsewhere: open the job to see its streams">—</span>
        )}
      </td>
      {/* Relative: the actions' screen-reader notes are positioned, and would otherwise escape
          the table's sideways scroll and widen the page on a phone. */}
      <td className="relative px-4 py-3">
        <JobActions client={client} job={job} submission={submission} />
      </td>
    </tr>
  );
}
