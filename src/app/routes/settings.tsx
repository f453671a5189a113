import { EmptyState } from "../../components/empty-state";
import { PageHeader } from "../../components/page-header";

export function SettingsRoute() {
  return (
    <>
      <PageHeader title="Settings" description="Where scripts run and which key they use." />
      <EmptyState title="Running on the local engine">
        The studio talks to the local engine on this machine by default.
      </EmptyState>
    </>
  );
}
