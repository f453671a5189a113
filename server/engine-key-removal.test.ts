// A key taken out of ENGINE_API_KEYS stops working at once, tokens and all: tokens live in the
// database and outlast a restart, so the engine checks each one's key against the keys it
// accepts now.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientFor, type EngineProcess, removeDataDir, startEngine } from "./test/engine-process";

const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-key-removal-test-"));
let engine: EngineProcess | undefined;

afterAll(async () => {
  await engine?.stop();
  removeDataDir(dataDir);
});

async function tokenFor(api: string, apiKey: string): Promise<string> {
  const result = await clientFor(api).login(apiKey);
  expect(result.status).toBe(200);
  return result.body.access_token as string;
}

function listJobsWith(api: string, token: string) {
  const client = clientFor(api);
  client.setToken(token);
  return client.call("GET", "/simulation-jobs");
}

describe("a key removed from ENGINE_API_KEYS", () => {
  it("takes the tokens issued for it along, across a restart on the same data", async () => {
    engine = await startEngine({ ENGINE_API_KEYS: "key-a,key-c" }, dataDir);
    const tokenA = await tokenFor(engine.api, "key-a");
    const tokenC = await tokenFor(engine.api, "key-c");
    expect((await listJobsWith(engine.api, tokenA)).status).toBe(200);
    await engine.stop();

    engine = await startEngine({ ENGINE_API_KEYS: "key-b,key-c" }, dataDir);
    const refused = await listJobsWith(engine.api, tokenA);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(refused.body.detail).toBe(
      "The API key this access token was issued for is no longer accepted by this engine " +
        "(ENGINE_API_KEYS); exchange an accepted key for a new token",
    );
    // A token of a key still accepted lives on; the new key works; the old one gets no token.
    expect((await listJobsWith(engine.api, tokenC)).status).toBe(200);
    expect((await listJobsWith(engine.api, await tokenFor(engine.api, "key-b"))).status).toBe(200);
    expect((await clientFor(engine.api).login("key-a")).status).toBe(401);
  });
});
