// Every recorded stream of the current key, most recent first, in pages: each with its first
// frame, when it was recorded, how long it is, its job, and a box to pick it for Compare.
import { useState } from "react";
import { Link, useLocation, useSearchParams } from "wouter";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { DataTable } from "../../../components/data-table";
import { Pager } from "../../../components/pager";
import { formatCount } from "../../../contract/format";
import type { StreamRecording } from "../../../contract/jobs";
import type { SimulateClient } from "../../../api/simulate-client";
import { compareHref, MAX_COMPARED, MIN_COMPARED } from "../../../lib/compare/compare-link";
import { formatDateTime, formatDuration, parseTimestamp } from "../../../lib/format-time";
import type { Submission } from "../../../lib/submissions/submission-store";
import { useSubmissions } from "../../../lib/submissions/use-submitted-scripts";
import { useStreamRecordings } from "../api/get-stream-recordings";
import { JOBS_PAGE_SIZE } from "../api/query-keys";
import { OfflineBanner } from "./offline-banner";
import { RecordingThumbnail } from "./thumbnail";

export function RecordingsList({ client }: { client: SimulateClient }) {
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const requested = Number(params.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 ? requested - 1 : 0;
  const recordings = useStreamRecordings(client, page);
  const list = recordings.data;
  const submissions = useSubmissions(
    client.root,
    (list?.recordings ?? []).map((recording) => recording.job_id ?? ""),
  );
  // Picked for Compare; kept across pages while the list is open.
  const [picked, setPicked] = useState<string[]>([]);
  const total = list?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const goTo = (next: number) => setParams(next === 0 ? {} : { page: String(next + 1) });
  const toggle = (streamId: string, on: boolean) =>
    setPicked((current) => (on ? [...current, streamId] : current.filter((id) => id !== streamId)));
  const canCompare = picked.length >= MIN_COMPARED && picked.length <= MAX_COMPARED;

  return (
    <section aria-label="Recordings" className="flex min-w-0 flex-col gap-4">
      <OfflineBanner fetchStatus={recordings.fetchStatus} />
      {recordings.isPending ? (
        <p role="status" className="text-sm text-zinc-500">
          Loading recordings…
        </p>
      ) : recordings.isError && !list ? (
        <Alert tone="error">The recordings could not be loaded: {recordings.error.message}</Alert>
      ) : list && list.recordings.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No recordings yet. Each stream of a completed job is recorded here.
        </p>
      ) : list ? (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <p className="mr-auto text-sm text-zinc-600 dark:text-zinc-400">
              {formatCount(page * JOBS_PAGE_SIZE + 1)}–
              {formatCount(Math.min(total, (page + 1) * JOBS_PAGE_SIZE))} of {formatCount(total)}{" "}
              recordings
            </p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
              {picked.length === 0
                ? `Tick ${MIN_COMPARED} to ${MAX_COMPARED} to compare them`
                : `${picked.length} picked${picked.length > MAX_COMPARED ? `: at most ${MAX_COMPARED}` : ""}`}
            </p>
            <Button
              disabled={!canCompare}
              onClick={() => navigate(compareHref({ streamIds: picked, jobId: null }))}
            >
              Compare picked
            </Button>
          </div>
          <DataTable
            caption="Recordings, most recent first"
            columns={["Recording", "Job", "Recorded", "Length", "Size", "Compare"]}
          >
            {list.recordings.map((recording, index) => (
              <RecordingRow
                key={recording.stream_id}
                client={client}
                recording={recording}
                submission={submissions.data?.[index] ?? null}
                picked={picked.includes(recording.stream_id)}
                onPick={(on) => toggle(recording.stream_id, on)}
              />
            ))}
          </DataTable>
          <Pager page={page} pages={pages} onPage={goTo} />
        </>
      ) : null}
    </section>
  );
}

function RecordingRow({
  client,
  recording,
  submission,
  picked,
  onPick,
}: {
  client: SimulateClient;
  recording: StreamRecording;
  submission: Submission | null;
  picked: boolean;
  onPick: (on: boolean) => void;
}) {
  const started = parseTimestamp(recording.started_at);
  const id = recording.stream_id.slice(0, 8);
  const jobId = recording.job_id ?? null;
  const jobName = submission?.names.length
    ? submission.names.length > 1
      ? `${submission.names[0]} + ${submission.names.length - 1} more`
      : submission.names[0]
    : null;
  const title = jobName ? `${jobName} · ${id}` : `Recording ${id}`;
  return (
    <tr className="align-top">
      <th scope="row" className="px-4 py-3 font-normal">
        <div className="flex items-start gap-3">
          <RecordingThumbnail
            client={client}
            streamId={recording.stream_id}
            alt={`First frame of ${title}`}
          />
          <Link
            to={`/jobs/recordings/${encodeURIComponent(recording.stream_id)}`}
            className="min-w-0 font-medium break-words text-accent-700 hover:underline dark:text-accent-400"
          >
            {title}
          </Link>
        </div>
      </th>
      <td className="px-4 py-3">
        {jobId ? (
          <Link
            to={`/jobs/${encodeURIComponent(jobId)}`}
            className="whitespace-nowrap text-accent-700 hover:underline dark:text-accent-400"
          >
            Job {jobId.slice(0, 8)}
          </Link>
        ) : (
          <span title="This server does not say which job made the recording">—</span>
        )}
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        {started ? <time dateTime={started.toISOString()}>{formatDateTime(started)}</time> : "—"}
      </td>
      <td className="px-4 py-3 whitespace-nowrap tabular-nums">
        {recording.duration_seconds != null
          ? formatDuration(recording.duration_seconds * 1000)
          : "—"}
      </td>
      <td className="px-4 py-3 tabular-nums">
        {recording.width && recording.height ? `${recording.width}×${recording.height}` : "—"}
      </td>
      <td className="px-4 py-3">
        <input
          type="checkbox"
          className="size-4 accent-accent-600"
          aria-label={`Compare ${title}`}
          checked={picked}
          onChange={(event) => onPick(event.target.checked)}
        />
      </td>
    </tr>
  );
}
