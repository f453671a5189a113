// Pages that talk to the API show why they cannot, with the way to fix it, instead of failing.
import type { ReactNode } from "react";
import { Link } from "wouter";
import type { SimulateClient } from "../../api/simulate-client";
import { EmptyState } from "../../components/empty-state";
import { useApiClient } from "../../lib/connection/use-connection";

export function NeedsConnection({ children }: { children: (client: SimulateClient) => ReactNode }) {
  const { client, connection } = useApiClient();
  if (client) return children(client);
  // A moment while the studio's server says how it reaches the cloud: no flash of "not connected".
  if (connection.pending) return null;
  return (
    <EmptyState title="Not connected yet">
      {connection.reason}{" "}
      <Link to="/settings" className="font-medium text-accent-600 underline dark:text-accent-400">
        Open Settings
      </Link>
    </EmptyState>
  );
}
