import { Link, useParams } from "wouter";
import { PageHeader } from "../../components/page-header";
import { RecordingView } from "../../features/jobs/components/recording-view";
import { StreamPlayer } from "../../features/player/components/stream-player";
import { NeedsConnection } from "./needs-connection";

export function RecordingRoute() {
  const { streamId = "" } = useParams();
  return (
    <>
      <PageHeader
        title={`Recording ${streamId.slice(0, 8)}`}
        description={
          <Link
            to="/jobs/recordings"
            className="font-medium text-accent-600 hover:underline dark:text-accent-400"
          >
            ← All recordings
          </Link>
        }
      />
      <NeedsConnection>
        {(client) => (
          <RecordingView
            client={client}
            streamId={streamId}
            renderPlayer={(recording, refresh) => (
              <StreamPlayer
                recording={recording}
                title="Recording"
                downloadName={`simulate-recording-${streamId.slice(0, 8)}.mp4`}
                refresh={refresh}
                readFile={client.fileReader(recording.stream_id)}
              />
            )}
          />
        )}
      </NeedsConnection>
    </>
  );
}
