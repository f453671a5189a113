import { EmptyState } from "../../components/empty-state";
import { PageHeader } from "../../components/page-header";

export function StudioRoute() {
  return (
    <>
      <PageHeader
        title="Studio"
        description="Draft a script of streams and interactions on a timeline, then run it."
      />
      <EmptyState title="The timeline editor is on its way">
        Scripts are validated against the Simulate API contract as you edit them.
      </EmptyState>
    </>
  );
}
