// Which names the engine answers to and which web pages may use its API, over real HTTP to a
// real engine process: a Host that is not one of its names (DNS rebinding) is refused on every
// route, a page on another origin is refused unless ENGINE_CORS_ORIGINS lists it, and presigned
// URLs point at ENGINE_PUBLIC_ORIGIN.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
  type WireBody,
} from "./test/engine-process";

const PUBLIC_ORIGIN = "https://studio.example:8443";
const LISTED = "https://friend.example";

let engine: EngineProcess;
let videoUrl: URL;

beforeAll(async () => {
  engine = await startEngine({ ENGINE_PUBLIC_ORIGIN: PUBLIC_ORIGIN, ENGINE_CORS_ORIGINS: LISTED });
  const client = clientFor(engine.api);
  await client.login("origins-key");
  const created = await client.call("POST", "/simulation-jobs", {
    script: shortScript("a lighthouse"),
  });
  expect(created.status).toBe(200);
  const job = await client.waitFor(created.body.job_id as string, (s) => s === "completed");
  videoUrl = new URL(job.streams[0].video_url as string);
});
afterAll(async () => {
  await engine?.stop();
  removeDataDir(engine.dataDir);
});

/** GET through node:http, which, unlike fetch, lets a test say what Host it is addressed to. */
function getWithHost(
  pathAndQuery: string,
  host: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${engine.url}${pathAndQuery}`, { headers: { host } });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("latin1");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("host names", () => {
  it("refuses a Host that is not one of its names, on the API and on a recording's file", async () => {
    const signedPath = videoUrl.pathname + videoUrl.search;
    for (const where of ["/api/health", signedPath]) {
      const refused = await getWithHost(where, "evil.example");
      expect(refused.status, where).toBe(403);
      expect((JSON.parse(refused.body) as WireBody).detail).toBe(
        'This server does not answer to the host name "evil.example". ' +
          "Add it to ENGINE_ALLOWED_HOSTS if it is really this server's.",
      );
    }
    // Its own names, the public origin's among them, are answered.
    const { port } = new URL(engine.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "studio.example:8443"]) {
      expect((await getWithHost(signedPath, host)).status, host).toBe(200);
    }
  });

  it("signs recording URLs for ENGINE_PUBLIC_ORIGIN, whatever Host the request named", () => {
    expect(videoUrl.origin).toBe(PUBLIC_ORIGIN);
    expect(videoUrl.pathname).toMatch(/^\/api\/artifacts\/[0-9a-f-]{36}\/video$/);
  });
});

describe("web pages (Origin)", () => {
  const health = (origin?: string) =>
    fetch(`${engine.api}/health`, { headers: origin ? { origin } : {} });

  it("answers the studio's own origin, ENGINE_PUBLIC_ORIGIN and ENGINE_CORS_ORIGINS", async () => {
    const { port } = new URL(engine.url);
    for (const origin of [engine.url, `http://localhost:${port}`, PUBLIC_ORIGIN, LISTED]) {
      const response = await health(origin);
      expect(response.status, origin).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), origin).toBe(origin);
    }
    // Programs send no Origin: they are not web pages, and CORS is not for them.
    const program = await health();
    expect(program.status).toBe(200);
    expect(program.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses any other page, in words and without CORS headers", async () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:1", "null"]) {
      const response = await health(origin);
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(((await response.json()) as WireBody).detail).toBe(
        `Requests from ${origin} are not allowed: only the studio's own page, and origins ` +
          "listed in ENGINE_CORS_ORIGINS, may use this API from a browser.",
      );
    }
    const token = await fetch(`${engine.api}/auth/token`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ api_key: "origins-key" }),
    });
    expect(token.status).toBe(403);
    expect(JSON.stringify(await token.json())).not.toContain("access_token");
  });

  it("lets a listed page's preflight through and gives a foreign one nothing", async () => {
    const preflight = (origin: string) =>
      fetch(`${engine.api}/simulation-jobs`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const listed = await preflight(LISTED);
    expect(listed.status).toBe(204);
    expect(listed.headers.get("access-control-allow-origin")).toBe(LISTED);
    expect(listed.headers.get("access-control-allow-methods")).toContain("POST");

    const foreign = await preflight("https://evil.example");
    expect(foreign.status).toBe(403);
    for (const header of [
      "access-control-allow-origin",
      "access-control-allow-methods",
      "access-control-allow-headers",
    ]) {
      expect(foreign.headers.get(header), header).toBeNull();
    }
  });
});
