import { PageHeader } from "../../components/page-header";
import { RecordingsList } from "../../features/jobs/components/recordings-list";
import { JobsTabs } from "./jobs-tabs";
import { NeedsConnection } from "./needs-connection";

export function RecordingsRoute() {
  return (
    <>
      <PageHeader
        title="Recordings"
        description="Every stream's video, most recent first."
        actions={<JobsTabs />}
      />
      <NeedsConnection>{(client) => <RecordingsList client={client} />}</NeedsConnection>
    </>
  );
}
