// Where scripts run and with which key. API keys stay in memory unless the creator opts in to
// "Remember on this device"; only then does a key reach localStorage. The local engine's key is
// different: a random name this browser makes for itself so its jobs stay its own across
// reloads. It is no secret anywhere else, so it is always kept.
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
import { createStore, type StoreApi } from "zustand/vanilla";
import { normalizeRoot } from "../../api/simulate-client";
import type { ServerInfo } from "./server-info";

export type Target = "local" | "cloud" | "custom";

export const CLOUD_ROOT = "https://api.odyssey.ml";
export const CONNECTION_STORAGE_KEY = "simulate-studio.connection";
export const LOCAL_KEY_STORAGE_KEY = "simulate-studio.local-engine-key";

export interface ConnectionState {
  target: Target;
  customRoot: string;
  /** Keys for the cloud and custom targets, by target. */
  keys: { cloud: string; custom: string };
  remember: boolean;
  localKey: string;
  actions: {
    setTarget(target: Target): void;
    setCustomRoot(root: string): void;
    setKey(target: "cloud" | "custom", key: string): void;
    setRemember(remember: boolean): void;
  };
}

export type ConnectionStore = StoreApi<ConnectionState>;

/**
 * What the page sends as its key when the studio's server holds the real one: the relay
 * replaces it, so it is no secret and never leaves for the cloud.
 */
export const KEY_HELD_BY_SERVER = "held-by-the-studio-server";

/** How requests reach the target: straight, or through the studio server's cloud relay. */
interface Route {
  target: Target;
  root: string;
  relayed: boolean;
  /** The studio's server holds the key; the page needs none. */
  keyHeldByServer: boolean;
}

/** What a client needs to reach the chosen target, or why it cannot yet. */
export type Connection =
  | (Route & { ready: true; apiKey: string })
  | (Route & {
      ready: false;
      reason: string;
      /** Still finding out (the studio's server has not said whether it relays the cloud). */
      pending?: boolean;
    });

/**
 * The connection for the chosen target. `server` is what the studio's own server offers;
 * undefined while it has not answered, null when there is none (static hosting).
 */
export function connectionOf(
  state: Pick<ConnectionState, "target" | "customRoot" | "keys" | "localKey">,
  origin: string,
  server: ServerInfo | null | undefined,
): Connection {
  const direct = { relayed: false, keyHeldByServer: false };
  switch (state.target) {
    case "local":
      return {
        ready: true,
        target: "local",
        root: `${origin}/api`,
        apiKey: state.localKey,
        ...direct,
      };
    case "cloud": {
      if (server === undefined) {
        return {
          ready: false,
          pending: true,
          target: "cloud",
          root: CLOUD_ROOT,
          reason: "Asking the studio's server how to reach Odyssey's cloud…",
          ...direct,
        };
      }
      const relay = server?.relay ?? null;
      const route: Route = relay
        ? {
            target: "cloud",
            root: `${origin}${relay.path}`,
            relayed: true,
            keyHeldByServer: relay.keyHeldByServer,
          }
        : { target: "cloud", root: CLOUD_ROOT, ...direct };
      if (route.keyHeldByServer) return { ...route, ready: true, apiKey: KEY_HELD_BY_SERVER };
      return state.keys.cloud.trim()
        ? { ...route, ready: true, apiKey: state.keys.cloud.trim() }
        : {
            ...route,
            ready: false,
            reason: "Add your Odyssey API key in Settings to run scripts on Odyssey's cloud.",
          };
    }
    case "custom": {
      const root = normalizeRoot(state.customRoot);
      const problem = customRootProblem(root);
      const route = { target: "custom" as const, root, ...direct };
      if (problem) return { ...route, ready: false, reason: problem };
      return state.keys.custom.trim()
        ? { ...route, ready: true, apiKey: state.keys.custom.trim() }
        : { ...route, ready: false, reason: `Add the API key for ${root} in Settings.` };
    }
  }
}

/** Why an API root cannot be used, in words, or null. */
export function customRootProblem(root: string): string | null {
  if (root === "") return "Enter the API root of the Simulate API server in Settings.";
  let url: URL;
  try {
    url = new URL(root);
  } catch {
    return `“${root}” is not a web address. An API root looks like https://example.com/api.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `The API root must start with http:// or https://, not ${url.protocol}//.`;
  }
  if (url.search || url.hash) return "The API root cannot carry a query (?) or fragment (#).";
  return null;
}

function randomKey(): string {
  // getRandomValues, not randomUUID: the studio may be opened over plain http on a LAN
  // address, where randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `local-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The local engine's key for this browser, made on first use. */
function localKeyFrom(storage: Storage | null): string {
  try {
    const existing = storage?.getItem(LOCAL_KEY_STORAGE_KEY);
    if (existing) return existing;
    const made = randomKey();
    storage?.setItem(LOCAL_KEY_STORAGE_KEY, made);
    return made;
  } catch {
    // Storage refused (private mode): the key lasts as long as the page.
    return randomKey();
  }
}

/** Storage that never throws: a refused write must not break the settings page. */
function forgivingStorage(storage: Storage | null): StateStorage {
  return {
    getItem: (name) => {
      try {
        return storage?.getItem(name) ?? null;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      try {
        storage?.setItem(name, value);
      } catch {
        // Nothing to do: settings still apply for this page.
      }
    },
    removeItem: (name) => {
      try {
        storage?.removeItem(name);
      } catch {
        // As above.
      }
    },
  };
}

type Saved = Pick<ConnectionState, "target" | "customRoot" | "remember"> & {
  keys?: ConnectionState["keys"];
};

export function createConnectionStore(
  storage: Storage | null = safeLocalStorage(),
): ConnectionStore {
  return createStore<ConnectionState>()(
    persist(
      (set) => ({
        target: "local",
        customRoot: "",
        keys: { cloud: "", custom: "" },
        remember: false,
        localKey: localKeyFrom(storage),
        actions: {
          setTarget: (target) => set({ target }),
          setCustomRoot: (customRoot) => set({ customRoot }),
          setKey: (target, key) => set((s) => ({ keys: { ...s.keys, [target]: key } })),
          setRemember: (remember) => set({ remember }),
        },
      }),
      {
        name: CONNECTION_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => forgivingStorage(storage)),
        // Keys are written only when the creator chose to remember them.
        partialize: (s): Saved => ({
          target: s.target,
          customRoot: s.customRoot,
          remember: s.remember,
          ...(s.remember && { keys: s.keys }),
        }),
        merge: (saved, current) => restoreConnection(saved, current),
      },
    ),
  );
}

/** Saved settings over the defaults, taking only fields of the right type. */
function restoreConnection(saved: unknown, current: ConnectionState): ConnectionState {
  if (typeof saved !== "object" || saved === null) return current;
  const s = saved as Record<string, unknown>;
  const target = s.target === "cloud" || s.target === "custom" ? s.target : "local";
  const keys =
    typeof s.keys === "object" && s.keys !== null ? (s.keys as Record<string, unknown>) : {};
  const remember = s.remember === true;
  return {
    ...current,
    target,
    customRoot: typeof s.customRoot === "string" ? s.customRoot : "",
    remember,
    keys: remember
      ? {
          cloud: typeof keys.cloud === "string" ? keys.cloud : "",
          custom: typeof keys.custom === "string" ? keys.custom : "",
        }
      : current.keys,
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
