import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineProcess, removeDataDir, startEngine } from "../../server/test/engine-process";
import { checkConnection, notReadyCheck } from "./check-connection";
import { createSimulateClient } from "./simulate-client";

describe("checkConnection", () => {
  let engine: EngineProcess;
  let plain: Server;
  let plainRoot: string;
  /** Answers every request with the status its path names: /404/..., /500/... */
  let statuses: Server;
  let statusesRoot: string;
  beforeAll(async () => {
    engine = await startEngine({ ENGINE_API_KEYS: "good-key" });
    plain = createServer((_request, response) => response.end("hello"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    plainRoot = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    statuses = createServer((request, response) => {
      const status = Number(request.url?.split("/")[1]);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify({ detail: status === 404 ? "Not Found" : "boom" }));
    });
    await new Promise<void>((resolve) => statuses.listen(0, "127.0.0.1", resolve));
    statusesRoot = `http://127.0.0.1:${(statuses.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await engine.stop();
    removeDataDir(engine.dataDir);
    await new Promise((resolve) => plain.close(resolve));
    await new Promise((resolve) => statuses.close(resolve));
  });

  it("reports success with what it found", async () => {
    const client = createSimulateClient({ root: engine.api, apiKey: "good-key" });
    const check = await checkConnection(client, { origin: engine.url });
    expect(check).toEqual({
      ok: true,
      title: "Connected",
      message: `Reached ${engine.api}. The key was accepted (tokens last 60 min); 0 jobs are stored there for it.`,
    });
    // The title says it once; the message never repeats it.
    expect(check.message).not.toMatch(/connected/i);
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
    expect(check).toMatchObject({
      ok: false,
      problem: "not-simulate-api",
      title: "Not the Simulate API",
    });
    expect(check.message).toContain(`${plainRoot} answered, but not as a Simulate API server does`);
  });

  it("says in words what a 404 or a server error means, never the bare status text", async () => {
    const missing = await checkConnection(
      createSimulateClient({ root: `${statusesRoot}/404`, apiKey: "k" }),
      { origin: "http://studio.test" },
    );
    expect(missing).toMatchObject({
      ok: false,
      problem: "not-simulate-api",
      title: "No Simulate API at this address",
    });
    expect(missing.message).toBe(
      `${statusesRoot}/404 answered, but has no Simulate API there: it does not know POST /auth/token (404). An API root looks like http://127.0.0.1:8787/api for a local engine, or https://api.odyssey.ml for Odyssey's cloud.`,
    );
    expect(missing.message).not.toContain("Not Found");

    const failing = await checkConnection(
      createSimulateClient({ root: `${statusesRoot}/500`, apiKey: "k" }),
      { origin: "http://studio.test" },
    );
    expect(failing).toMatchObject({ ok: false, problem: "server", title: "The server failed" });
    expect(failing.message).toContain(
      "is there, but failed while answering POST /auth/token (500)",
    );

    const odd = await checkConnection(
      createSimulateClient({ root: `${statusesRoot}/418`, apiKey: "k" }),
      { origin: "http://studio.test" },
    );
    expect(odd).toMatchObject({ problem: "not-simulate-api", title: "Unexpected answer" });
  });

  it("does not send the creator to Settings while they are in it", () => {
    expect(
      notReadyCheck("Add your Odyssey API key in Settings to run scripts on Odyssey's cloud."),
    ).toEqual({
      ok: false,
      problem: "key",
      title: "Not set up yet",
      message: "Add your Odyssey API key above to run scripts on Odyssey's cloud.",
    });
    expect(notReadyCheck("Add the API key for https://x.test/api in Settings.").message).toBe(
      "Add the API key for https://x.test/api above.",
    );
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
