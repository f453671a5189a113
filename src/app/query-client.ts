// The app's one QueryClient and its defaults. Imported only by server-state.tsx, after the first
// paint: this module is what brings TanStack Query's core into the page.
import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "../api/api-error";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Only what may pass retries: the network, rate limits, server errors. A 404 or a bad
        // key will not fix itself.
        retry: (failures, error) => failures < 4 && isApiError(error) && error.transient,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 20_000),
        // Lists refetch on focus only when a minute old, so an idle tab asks nothing.
        staleTime: 60_000,
      },
      mutations: { retry: false },
    },
  });
}
