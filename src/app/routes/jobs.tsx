import { PageHeader } from "../../components/page-header";
import { JobsDashboard } from "../../features/jobs/components/jobs-dashboard";
import { JobsTabs } from "./jobs-tabs";
import { NeedsConnection } from "./needs-connection";

export function JobsRoute() {
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Submitted scripts, their progress and their videos."
        actions={<JobsTabs />}
      />
      <NeedsConnection>{(client) => <JobsDashboard client={client} />}</NeedsConnection>
    </>
  );
}
