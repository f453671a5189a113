import { EmptyState } from "../../components/empty-state";
import { PageHeader } from "../../components/page-header";

export function JobsRoute() {
  return (
    <>
      <PageHeader title="Jobs" description="Submitted scripts, their progress and their videos." />
      <EmptyState title="No jobs yet">Jobs you submit from the studio appear here.</EmptyState>
    </>
  );
}
