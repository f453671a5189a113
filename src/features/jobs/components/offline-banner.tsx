import type { FetchStatus } from "@tanstack/react-query";
import { Alert } from "../../../components/alert";
import { useOnline } from "../hooks/use-online";

/** Shown while the browser is offline or a query is paused waiting for the network. */
export function OfflineBanner({ fetchStatus }: { fetchStatus: FetchStatus }) {
  const online = useOnline();
  if (online && fetchStatus !== "paused") return null;
  return (
    // A status, not an alert: the page still works from what it has, and the banner goes by itself.
    <Alert tone="warning" live="status" className="mb-4" title="You are offline.">
      Job updates are paused and resume by themselves when the connection is back.
    </Alert>
  );
}
