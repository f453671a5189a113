import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineProcess, removeDataDir, startEngine } from "../../server/test/engine-process";
import { checkConnection } from "./check-connection";
import { createSimulateClient } from "./simulate-client";

describe("checkConnection", () => {
  let engine: EngineProcess;
  let plain: Server;
  let plainRoot: string;
  beforeAll(async () => {
    engine = await startEngine({ ENGINE_API_KEYS: "good-key" });
    plain = createServer((_request, response) => response.end("hello"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    plainRoot = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await engine.stop();
    removeDataDir(engine.dataDir);
    await new Promise((resolve) => plain.close(resolve));
  });

  it("reports success with what it found", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "good-key" });
    const check = await checkConnection(client, { origin: engine.url });
    expect(check).toEqual({
      ok: true,
      message: `Reached ${engine.api}. The key was accepted (tokens last 60 min); 0 jobs are stored there for it.`,
    });
  });

  it("names a refused key", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "wrong-key" });
    const check = await checkConnection(client, { origin: engine.url });
    expect(check).toMatchObject({ ok: false, problem: "key" });
    expect(check.message).toContain("refused the API key (401)");
  });

  it("names a server that is not the Simulate API", async () => {
    const client = createSimulateClient({ root: plainRoot, apiKey: "k" });
    const check = await checkConnection(client, { origin: "http://studio.test" });
    expect(check).toMatchObject({ ok: false, problem: "not-simulate-api" });
  });

  it("tells CORS from an unreachable server", async () => {
    // Node's fetch does not apply CORS; this one fails cross-origin requests as a browser does
    // when the server sends no Access-Control-Allow-Origin, and lets opaque ones through.
    const browserLike: typeof fetch = (input, init) =>
      init?.mode === "no-cors"
        ? fetch(input, init)
        : Promise.reject(new TypeError("Failed to fetch"));
    const client = createSimulateClient({ root: plainRoot, apiKey: "k", fetch: browserLike });
    const cors = await checkConnection(client, {
      origin: "http://studio.test",
      fetch: browserLike,
    });
    expect(cors).toMatchObject({ ok: false, problem: "cors" });
    expect(cors.message).toContain("does not allow requests from http://studio.test");

    const closed = createSimulateClient({ root: "http://127.0.0.1:9/api", apiKey: "k" });
    const network = await checkConnection(closed, { origin: "http://studio.test" });
    expect(network).toMatchObject({ ok: false, problem: "network" });
    expect(network.message).toBe(
      "Could not reach http://127.0.0.1:9/api. Check the address and that you are online.",
    );
  });
});
