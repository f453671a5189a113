// fetchScriptUrl against real HTTP servers on loopback. Loopback is private, so the reachable
// cases allow private addresses and the guarded ones check that names are refused at connect.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchScriptUrl, SCRIPT_URL_MAX_BYTES, ScriptUrlError } from "./script-url";

const script = [
  { timestamp_ms: 0, start: { prompt: "a" } },
  { timestamp_ms: 1000, end: {} },
];

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/script.json") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(script));
    } else if (request.url === "/moved") {
      response.writeHead(302, { location: "/script.json" }).end();
    } else if (request.url === "/huge") {
      // No Content-Length: the cap must hold while reading.
      response.write("[");
      response.end(`"${"x".repeat(SCRIPT_URL_MAX_BYTES)}"]`);
    } else if (request.url === "/text") {
      response.end("not json");
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function message(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ScriptUrlError);
    return (error as Error).message;
  }
  throw new Error("expected a ScriptUrlError");
}

describe("fetchScriptUrl", () => {
  it("reads a JSON script by name or by address when private addresses are allowed", async () => {
    expect(await fetchScriptUrl(`http://localhost:${port}/script.json`, true)).toEqual(script);
    expect(await fetchScriptUrl(`http://127.0.0.1:${port}/script.json`, true)).toEqual(script);
  });

  it("refuses a name that resolves to loopback, at the moment it connects", async () => {
    expect(await message(fetchScriptUrl(`http://localhost:${port}/script.json`, false))).toBe(
      "script_url points to a private or loopback address (localhost); set ENGINE_ALLOW_PRIVATE_SCRIPT_URLS=1 to allow it",
    );
    expect(await message(fetchScriptUrl(`http://[::1]:${port}/script.json`, false))).toMatch(
      /private or loopback address \(\[::1\]\)/,
    );
  });

  it("names every other way it can fail", async () => {
    const base = `http://127.0.0.1:${port}`;
    expect(await message(fetchScriptUrl(`${base}/moved`, true))).toBe(
      "script_url answered a redirect (HTTP 302); redirects are not followed",
    );
    expect(await message(fetchScriptUrl(`${base}/missing`, true))).toBe(
      "script_url answered HTTP 404",
    );
    expect(await message(fetchScriptUrl(`${base}/huge`, true))).toBe(
      "script_url's answer is larger than 1 MB",
    );
    expect(await message(fetchScriptUrl(`${base}/text`, true))).toBe(
      "script_url did not return JSON",
    );
    expect(await message(fetchScriptUrl("http://no-such-host.invalid/s.json", false))).toBe(
      "script_url's host no-such-host.invalid could not be resolved",
    );
  });
});
