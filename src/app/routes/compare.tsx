import { Link, useSearchParams } from "wouter";
import { PageHeader } from "../../components/page-header";
import { CompareRecordings } from "../../features/jobs/components/compare-recordings";
import { CompareView } from "../../features/player/components/compare-view";
import { compareParams, MIN_COMPARED, readCompareTarget } from "../../lib/compare/compare-link";
import { NeedsConnection } from "./needs-connection";

export function CompareRoute() {
  const [params, setParams] = useSearchParams();
  const target = readCompareTarget(params);
  const back = target.jobId
    ? { to: `/jobs/${encodeURIComponent(target.jobId)}`, label: "← Back to the job" }
    : { to: "/jobs/recordings", label: "← All recordings" };
  const remove = (streamId: string) =>
    setParams(
      compareParams({ ...target, streamIds: target.streamIds.filter((id) => id !== streamId) }),
    );
  return (
    <>
      <PageHeader
        title="Compare"
        description={
          <Link
            to={back.to}
            className="font-medium text-accent-600 hover:underline dark:text-accent-400"
          >
            {back.label}
          </Link>
        }
      />
      <NeedsConnection>
        {(client) => (
          <CompareRecordings
            client={client}
            streamIds={target.streamIds}
            jobId={target.jobId}
            render={(recordings) => (
              <CompareView
                takes={recordings.map((recording) => ({
                  ...recording,
                  readFile: client.fileReader(recording.recording.stream_id),
                }))}
                onRemove={recordings.length > MIN_COMPARED ? remove : undefined}
              />
            )}
          />
        )}
      </NeedsConnection>
    </>
  );
}
