// What the studio's own server offers, from its /api/health: whether it relays Odyssey's cloud
// (so the browser needs no CORS from the cloud) and whether it holds a key for it. A studio
// served as static files has no such server, and reaches the cloud directly.
import { QueryClientContext, queryOptions } from "@tanstack/react-query";
import { use, useCallback, useEffect, useSyncExternalStore } from "react";
export interface ServerInfo {
  relay: { path: string; upstream: string; keyHeldByServer: boolean } | null;
}

const NO_SERVER: ServerInfo = { relay: null };

export async function getServerInfo(origin: string, signal?: AbortSignal): Promise<ServerInfo> {
  try {
    const response = await fetch(`${origin}/api/health`, { signal, cache: "no-store" });
    if (!response.ok) return NO_SERVER;
    const json: unknown = await response.json();
    // The schema (and zod with it) is fetched here, not on the studio's first load (issue 14).
    const { healthSchema } = await import("./health-schema");
    const health = healthSchema.safeParse(json);
    const relay = health.success ? health.data.relay : null;
    return {
      relay: relay
        ? { path: relay.path, upstream: relay.upstream, keyHeldByServer: relay.key_held_by_server }
        : null,
    };
  } catch {
    // No server of ours (static hosting), or not one that answers JSON: no relay.
    return NO_SERVER;
  }
}

export function getServerInfoQueryOptions(origin: string) {
  return queryOptions({
    queryKey: ["server-info", origin],
    queryFn: ({ signal }) => getServerInfo(origin, signal),
    // The server's configuration changes only when it restarts, and then the page reloads.
    staleTime: Infinity,
    // Kept though nothing observes it (useServerInfo reads the cache): dropped, the studio
    // would forget its relay.
    gcTime: Infinity,
    retry: false,
  });
}

/**
 * The studio server's offer, or undefined while it is being asked. Read from the query cache
 * through the client rather than with useQuery: this runs on the studio's first paint, before
 * TanStack Query's core has arrived (app/server-state.tsx), and then simply answers undefined.
 */
export function useServerInfo(): ServerInfo | undefined {
  const queryClient = use(QueryClientContext);
  const options = getServerInfoQueryOptions(window.location.origin);
  const subscribe = useCallback(
    (changed: () => void) => queryClient?.getQueryCache().subscribe(changed) ?? (() => {}),
    [queryClient],
  );
  const info = useSyncExternalStore(subscribe, () => queryClient?.getQueryData(options.queryKey));
  useEffect(() => {
    // Failures answer NO_SERVER inside the query function, so this never rejects.
    void queryClient?.prefetchQuery(options);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one origin per page
  }, [queryClient]);
  return info;
}
