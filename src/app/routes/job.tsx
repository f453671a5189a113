import { Link, useParams } from "wouter";
import { PageHeader } from "../../components/page-header";
import { JobDetail } from "../../features/jobs/components/job-detail";
import { DownloadAllButton } from "../../features/player/components/download-all-button";
import { StreamPlayer } from "../../features/player/components/stream-player";
import { NeedsConnection } from "./needs-connection";

export function JobRoute() {
  const { jobId = "" } = useParams();
  return (
    <>
      <PageHeader
        title={`Job ${jobId.slice(0, 8)}`}
        description={
          <Link
            to="/jobs"
            className="font-medium text-accent-600 hover:underline dark:text-accent-400"
          >
            ← All jobs
          </Link>
        }
      />
      <NeedsConnection>
        {(client) => (
          <JobDetail
            key={jobId}
            client={client}
            jobId={jobId}
            renderStream={({ stream, title, downloadName, refresh }) => (
              <StreamPlayer
                recording={stream}
                title={title}
                downloadName={downloadName}
                refresh={refresh}
                readFile={client.fileReader(stream.stream_id)}
              />
            )}
            renderVideoActions={(views) => (
              <DownloadAllButton
                jobId={jobId}
                streams={views.map((view) => ({
                  recording: view.stream,
                  videoName: view.downloadName,
                  refresh: view.refresh,
                  readFile: client.fileReader(view.stream.stream_id),
                }))}
              />
            )}
          />
        )}
      </NeedsConnection>
    </>
  );
}
