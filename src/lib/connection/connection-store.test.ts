import { describe, expect, it } from "vitest";
import {
  CONNECTION_STORAGE_KEY,
  connectionOf,
  createConnectionStore,
  customRootProblem,
  KEY_HELD_BY_SERVER,
  LOCAL_KEY_STORAGE_KEY,
} from "./connection-store";

/** A real Storage's behaviour over a Map, so each test starts with an empty "device". */
function memoryStorage(): Storage & { dump(): string } {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
    dump: () => JSON.stringify([...items.entries()]),
  };
}

describe("the cloud through the studio's server", () => {
  const relay = (keyHeldByServer: boolean) => ({
    relay: { path: "/relay", upstream: "https://api.odyssey.ml", keyHeldByServer },
  });
  const cloud = (key = "") => ({
    target: "cloud" as const,
    customRoot: "",
    keys: { cloud: key, custom: "" },
    localKey: "local-x",
  });

  it("goes through the relay when the server offers one, with the creator's key", () => {
    expect(connectionOf(cloud("sk-1"), "http://studio:8787", relay(false))).toEqual({
      ready: true,
      target: "cloud",
      root: "http://studio:8787/relay",
      apiKey: "sk-1",
      relayed: true,
      keyHeldByServer: false,
    });
    expect(connectionOf(cloud(), "http://studio:8787", relay(false))).toMatchObject({
      ready: false,
      reason: "Add your Odyssey API key in Settings to run scripts on Odyssey's cloud.",
    });
  });

  it("needs no key when the server holds one, and sends none of the creator's", () => {
    expect(connectionOf(cloud("sk-typed-earlier"), "http://studio", relay(true))).toEqual({
      ready: true,
      target: "cloud",
      root: "http://studio/relay",
      apiKey: KEY_HELD_BY_SERVER,
      relayed: true,
      keyHeldByServer: true,
    });
  });

  it("goes straight to the cloud without a server of its own, and waits while it asks", () => {
    expect(connectionOf(cloud("sk-1"), "http://static.example", { relay: null })).toMatchObject({
      ready: true,
      root: "https://api.odyssey.ml",
      relayed: false,
    });
    expect(connectionOf(cloud("sk-1"), "http://studio", undefined)).toMatchObject({
      ready: false,
      pending: true,
    });
  });
});

describe("the connection store", () => {
  it("starts on the local engine with a key this browser keeps", () => {
    const storage = memoryStorage();
    const first = createConnectionStore(storage).getState();
    expect(first.target).toBe("local");
    expect(first.localKey).toMatch(/^local-[0-9a-f]{32}$/);
    expect(storage.getItem(LOCAL_KEY_STORAGE_KEY)).toBe(first.localKey);
    expect(createConnectionStore(storage).getState().localKey).toBe(first.localKey);
    expect(connectionOf(first, "http://127.0.0.1:8787", null)).toEqual({
      ready: true,
      target: "local",
      root: "http://127.0.0.1:8787/api",
      apiKey: first.localKey,
      relayed: false,
      keyHeldByServer: false,
    });
  });

  it("keeps a cloud key in memory only, unless asked to remember it", () => {
    const storage = memoryStorage();
    const store = createConnectionStore(storage);
    store.getState().actions.setTarget("cloud");
    store.getState().actions.setKey("cloud", "sk-secret-123");
    expect(connectionOf(store.getState(), "http://x", null)).toMatchObject({
      ready: true,
      root: "https://api.odyssey.ml",
      apiKey: "sk-secret-123",
    });
    expect(storage.dump()).not.toContain("sk-secret-123");
    expect(createConnectionStore(storage).getState()).toMatchObject({
      target: "cloud",
      keys: { cloud: "" },
    });

    store.getState().actions.setRemember(true);
    expect(storage.dump()).toContain("sk-secret-123");
    expect(createConnectionStore(storage).getState().keys.cloud).toBe("sk-secret-123");

    // Turning it off again forgets the stored key.
    store.getState().actions.setRemember(false);
    expect(storage.dump()).not.toContain("sk-secret-123");
  });

  it("says why a target is not ready", () => {
    const state = createConnectionStore(memoryStorage()).getState();
    expect(connectionOf({ ...state, target: "cloud" }, "http://x", null)).toMatchObject({
      ready: false,
      reason: "Add your Odyssey API key in Settings to run scripts on Odyssey's cloud.",
    });
    expect(
      connectionOf({ ...state, target: "custom", customRoot: "ftp://files" }, "http://x", null),
    ).toMatchObject({ ready: false, reason: expect.stringContaining("http:// or https://") });
    expect(
      connectionOf(
        {
          ...state,
          target: "custom",
          customRoot: "https://sim.example.com/api/",
          keys: { cloud: "", custom: "k" },
        },
        "http://x",
        null,
      ),
    ).toMatchObject({ ready: true, root: "https://sim.example.com/api" });
  });

  it("explains API roots it cannot use", () => {
    expect(customRootProblem("")).toMatch(/Enter the API root/);
    expect(customRootProblem("not a url")).toBe(
      "“not a url” is not a web address. An API root looks like https://example.com/api.",
    );
    expect(customRootProblem("https://a.example/api?x=1")).toMatch(/query/);
    expect(customRootProblem("http://localhost:9000/api")).toBeNull();
  });

  it("ignores saved settings of the wrong shape", () => {
    const storage = memoryStorage();
    storage.setItem(
      CONNECTION_STORAGE_KEY,
      JSON.stringify({ state: { target: "mars", customRoot: 42, remember: "yes" }, version: 1 }),
    );
    expect(createConnectionStore(storage).getState()).toMatchObject({
      target: "local",
      customRoot: "",
      remember: false,
    });
    storage.setItem(CONNECTION_STORAGE_KEY, "{not json");
    expect(createConnectionStore(storage).getState().target).toBe("local");
  });

  it("works when storage refuses every write", () => {
    const refusing = memoryStorage();
    refusing.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
    const store = createConnectionStore(refusing);
    expect(store.getState().localKey).toMatch(/^local-/);
    store.getState().actions.setTarget("cloud");
    expect(store.getState().target).toBe("cloud");
  });
});
