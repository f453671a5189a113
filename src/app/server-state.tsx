// Server state arrives just after the first paint. TanStack Query's core is about 12 KB gzipped
// that painting the studio does not need: nothing there asks the server before the creator acts
// (issue 14's first-load budget, scripts/bundle-size.ts). The core is fetched as the app starts
// and its client provided when it lands, through react-query's own context, so every useQuery
// below works unchanged. Until then the context holds no client and what needs one waits: pages
// other than the studio show "Loading page…", the job watcher starts a moment later.
import type { QueryClient } from "@tanstack/react-query";
import { QueryClientContext } from "@tanstack/react-query";
import { createContext, type ReactNode, use, useEffect, useState } from "react";
import type { ConnectionStore } from "../lib/connection/connection-store";

const ServerStateFailure = createContext<Error | null>(null);

export function ServerStateProvider({
  connection,
  children,
}: {
  connection: ConnectionStore;
  children: ReactNode;
}) {
  // One client per mounted app rather than per module, so tests get fresh state each.
  const [client, setClient] = useState<QueryClient | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    let live = true;
    import("./query-client").then(
      ({ createQueryClient }) => {
        if (live) setClient(createQueryClient());
      },
      (error: unknown) => {
        if (live) setFailure(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // What QueryClientProvider does: refetch on focus and reconnect, resume paused mutations.
  useEffect(() => {
    if (!client) return;
    client.mount();
    return () => client.unmount();
  }, [client]);

  // Another key or target sees other jobs: drop what the cache holds for the old one.
  useEffect(
    () =>
      client
        ? connection.subscribe((state, previous) => {
            if (state.keys === previous.keys) return;
            client.removeQueries({ queryKey: ["jobs"] });
            client.removeQueries({ queryKey: ["recordings"] });
          })
        : undefined,
    [connection, client],
  );

  return (
    <ServerStateFailure value={failure}>
      <QueryClientContext value={client ?? undefined}>{children}</QueryClientContext>
    </ServerStateFailure>
  );
}

/**
 * Its children once the QueryClient is there, the fallback until then. If its code could not be
 * fetched, a `required` part throws (a page's error boundary offers Reload); others stay empty.
 */
export function WithServerState({
  children,
  fallback = null,
  required = true,
}: {
  children: ReactNode;
  fallback?: ReactNode;
  required?: boolean;
}) {
  const client = use(QueryClientContext);
  const failure = use(ServerStateFailure);
  if (client) return children;
  if (failure && required) throw failure;
  return failure ? null : fallback;
}
