// React access to the connection: the settings themselves, and the API client for the chosen
// target, made once per root and key so its token is reused across the app.
import { createContext, use, useMemo } from "react";
import { useStore } from "zustand";
import { createSimulateClient, type SimulateClient } from "../../api/simulate-client";
import {
  type Connection,
  type ConnectionState,
  type ConnectionStore,
  connectionOf,
} from "./connection-store";
import { useServerInfo } from "./server-info";

export const ConnectionContext = createContext<ConnectionStore | null>(null);

function useConnectionStoreApi(): ConnectionStore {
  const store = use(ConnectionContext);
  if (!store) throw new Error("useConnection needs a ConnectionContext above it");
  return store;
}

export function useConnectionSettings<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useConnectionStoreApi(), selector);
}

export function useConnection(): Connection {
  const target = useConnectionSettings((s) => s.target);
  const customRoot = useConnectionSettings((s) => s.customRoot);
  const keys = useConnectionSettings((s) => s.keys);
  const localKey = useConnectionSettings((s) => s.localKey);
  const server = useServerInfo();
  return useMemo(
    () => connectionOf({ target, customRoot, keys, localKey }, window.location.origin, server),
    [target, customRoot, keys, localKey, server],
  );
}

/** The client for the chosen target, or why there is none yet. */
export function useApiClient():
  | { client: SimulateClient; connection: Connection & { ready: true } }
  | { client: null; connection: Connection & { ready: false } } {
  const connection = useConnection();
  const { root, relayed } = connection;
  const apiKey = connection.ready ? connection.apiKey : null;
  const client = useMemo(
    () => (apiKey === null ? null : createSimulateClient({ root, apiKey, relayed })),
    [root, apiKey, relayed],
  );
  return useMemo(
    () =>
      client && connection.ready
        ? { client, connection }
        : { client: null, connection: connection as Connection & { ready: false } },
    [client, connection],
  );
}
