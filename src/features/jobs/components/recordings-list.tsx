// Every recorded stream of the current key, most recent first, in pages.
import { Link, useSearchParams } from "react-router";
import { DataTable } from "../../../components/data-table";
import { Pager } from "../../../components/pager";
import { formatCount } from "../../../contract/format";
import type { SimulateClient } from "../../../api/simulate-client";
import { formatDateTime, formatDuration, parseTimestamp } from "../../../lib/format-time";
import { useStreamRecordings } from "../api/get-stream-recordings";
import { JOBS_PAGE_SIZE } from "../api/query-keys";
import { OfflineBanner } from "./offline-banner";

export function RecordingsList({ client }: { client: SimulateClient }) {
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 ? requested - 1 : 0;
  const recordings = useStreamRecordings(client, page);
  const list = recordings.data;
  const total = list?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const goTo = (next: number) => setParams(next === 0 ? {} : { page: String(next + 1) });

  return (
    <section aria-label="Recordings" className="flex flex-col gap-4">
      <OfflineBanner fetchStatus={recordings.fetchStatus} />
      {recordings.isPending ? (
        <p role="status" className="text-sm text-zinc-500">
          Loading recordings…
        </p>
      ) : recordings.isError && !list ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The recordings could not be loaded: {recordings.error.message}
        </p>
      ) : list && list.recordings.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No recordings yet. Each stream of a completed job is recorded here.
        </p>
      ) : list ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {formatCount(page * JOBS_PAGE_SIZE + 1)}–
            {formatCount(Math.min(total, (page + 1) * JOBS_PAGE_SIZE))} of {formatCount(total)}{" "}
            recordings
          </p>
          <DataTable
            caption="Recordings, most recent first"
            columns={["Recording", "Recorded", "Length", "Size"]}
          >
            {list.recordings.map((recording) => {
              const started = parseTimestamp(recording.started_at);
              return (
                <tr key={recording.stream_id}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link
                      to={`/jobs/recordings/${encodeURIComponent(recording.stream_id)}`}
                      className="font-mono text-accent-700 hover:underline dark:text-accent-400"
                    >
                      {recording.stream_id.slice(0, 8)}
                    </Link>
                  </th>
                  <td className="px-4 py-3">{started ? formatDateTime(started) : "—"}</td>
                  <td className="px-4 py-3 tabular-nums">
                    {recording.duration_seconds != null
                      ? formatDuration(recording.duration_seconds * 1000)
                      : "—"}
                  </td>
                  <td className="px-4 py-3 tabular-nums">
                    {recording.width && recording.height
                      ? `${recording.width}×${recording.height}`
                      : "—"}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <Pager page={page} pages={pages} onPage={goTo} />
        </>
      ) : null}
    </section>
  );
}
