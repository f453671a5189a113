import { PageHeader } from "../../components/page-header";
import { ConnectionSettings } from "../../features/settings/components/connection-settings";

export function SettingsRoute() {
  return (
    <>
      <PageHeader title="Settings" description="Where scripts run and which key they use." />
      <ConnectionSettings />
    </>
  );
}
