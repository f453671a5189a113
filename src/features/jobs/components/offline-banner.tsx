import type { FetchStatus } from "@tanstack/react-query";
import { useOnline } from "../hooks/use-online";

/** Shown while the browser is offline or a query is paused waiting for the network. */
export function OfflineBanner({ fetchStatus }: { fetchStatus: FetchStatus }) {
  const online = useOnline();
  if (online && fetchStatus !== "paused") return null;
  return (
    <div
      role="status"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
    >
      <strong className="font-semibold">You are offline.</strong> Job updates are paused and resume
      by themselves when the connection is back.
    </div>
  );
}
