import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isApiError } from "../api/api-error";
import { createConnectionStore } from "../lib/connection/connection-store";
import { ConnectionContext } from "../lib/connection/use-connection";
import { createSubmissionStore } from "../lib/submissions/submission-store";
import { SubmissionsContext } from "../lib/submissions/use-submissions";
import { AppRoutes } from "./router";
import { AppToaster } from "./toaster";

function createQueryClient() {
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

export function App() {
  // Created once per mounted app rather than at module scope, so tests get fresh state each.
  const [queryClient] = useState(createQueryClient);
  const [connection] = useState(() => createConnectionStore());
  const [submissions] = useState(() => createSubmissionStore());

  // Another key or target sees other jobs: drop what the cache holds for the old one.
  useEffect(
    () =>
      connection.subscribe((state, previous) => {
        if (state.keys === previous.keys) return;
        queryClient.removeQueries({ queryKey: ["jobs"] });
        queryClient.removeQueries({ queryKey: ["recordings"] });
      }),
    [connection, queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <ConnectionContext value={connection}>
        <SubmissionsContext value={submissions}>
          <AppRoutes />
          <AppToaster />
        </SubmissionsContext>
      </ConnectionContext>
    </QueryClientProvider>
  );
}
