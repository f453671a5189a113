// One recording found through the recordings list, handed to the player the app composes in.
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Alert } from "../../../components/alert";
import type { Recording } from "../../../contract/jobs";
import type { SimulateClient } from "../../../api/simulate-client";
import { getRecordingQueryOptions, useRecording } from "../api/get-recording";

export function RecordingView({
  client,
  streamId,
  renderPlayer,
}: {
  client: SimulateClient;
  streamId: string;
  renderPlayer: (recording: Recording, refresh: () => Promise<Recording>) => ReactNode;
}) {
  const recording = useRecording(client, streamId);
  const queryClient = useQueryClient();
  if (recording.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-500">
        Loading recording…
      </p>
    );
  }
  if (recording.isError) {
    return (
      <Alert tone="error">This recording could not be loaded: {recording.error.message}</Alert>
    );
  }
  const jobId = recording.data.job_id ?? null;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {jobId ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          From{" "}
          <Link
            to={`/jobs/${encodeURIComponent(jobId)}`}
            className="font-medium text-accent-700 hover:underline dark:text-accent-400"
          >
            job {jobId.slice(0, 8)}
          </Link>
        </p>
      ) : null}
      {renderPlayer(recording.data, () =>
        queryClient.fetchQuery({ ...getRecordingQueryOptions(client, streamId), staleTime: 0 }),
      )}
    </div>
  );
}
