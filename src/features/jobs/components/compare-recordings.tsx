// The recordings the Compare view plays, named as their job's page names them when the job is
// known. The view itself is the player's, composed in by the app.
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Alert } from "../../../components/alert";
import type { Recording } from "../../../contract/jobs";
import type { SimulateClient } from "../../../api/simulate-client";
import { MIN_COMPARED } from "../../../lib/compare/compare-link";
import { getJobQueryOptions } from "../api/get-job";
import { getRecordingQueryOptions } from "../api/get-recording";
import { streamNames } from "../model/stream-names";

export interface ComparedRecording {
  recording: Recording;
  title: string;
  downloadName: string;
  refresh: () => Promise<Recording>;
  jobHref: string | null;
}

export function CompareRecordings({
  client,
  streamIds,
  jobId,
  render,
}: {
  client: SimulateClient;
  streamIds: string[];
  jobId: string | null;
  render: (recordings: ComparedRecording[]) => ReactNode;
}) {
  const queryClient = useQueryClient();
  const recordings = useQueries({
    queries: streamIds.map((streamId) => getRecordingQueryOptions(client, streamId)),
  });
  // The job names its streams "Stream 1", "Stream 2"... as its page does.
  const job = useQuery({ ...getJobQueryOptions(client, jobId ?? ""), enabled: jobId !== null });
  const jobStreams = jobId ? (job.data?.streams ?? null) : null;
  const names = job.data ? streamNames(job.data) : [];

  if (streamIds.length < MIN_COMPARED) {
    return (
      <p className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        Choose two to four takes to compare: open a job with several streams and press Compare, or
        tick recordings in{" "}
        <Link
          to="/jobs/recordings"
          className="font-medium text-accent-600 underline dark:text-accent-400"
        >
          Recordings
        </Link>
        .
      </p>
    );
  }
  if (recordings.some((query) => query.isPending)) {
    return (
      <p role="status" className="text-sm text-zinc-500">
        Loading recordings…
      </p>
    );
  }

  const failed = recordings.flatMap((query, index) =>
    query.isError ? [`${(streamIds[index] ?? "").slice(0, 8)}: ${query.error.message}`] : [],
  );
  const loaded: ComparedRecording[] = recordings.flatMap((query, index) => {
    const streamId = streamIds[index] ?? "";
    if (!query.data) return [];
    const position = jobStreams?.findIndex((stream) => stream.stream_id === streamId) ?? -1;
    const ownJob = jobId ?? query.data.job_id ?? null;
    return [
      {
        recording: query.data,
        ...(names[position] ?? {
          title: `Recording ${streamId.slice(0, 8)}`,
          downloadName: `simulate-recording-${streamId.slice(0, 8)}.mp4`,
        }),
        refresh: () =>
          queryClient.fetchQuery({ ...getRecordingQueryOptions(client, streamId), staleTime: 0 }),
        jobHref: ownJob ? `/jobs/${encodeURIComponent(ownJob)}` : null,
      },
    ];
  });

  return (
    <div className="flex min-w-0 flex-col gap-4">
      {failed.length > 0 ? (
        <Alert
          title={`${failed.length === 1 ? "A recording" : "Some recordings"} could not be loaded.`}
        >
          <ul className="mt-1 list-disc pl-5">
            {failed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {loaded.length > 0 ? render(loaded) : null}
    </div>
  );
}
