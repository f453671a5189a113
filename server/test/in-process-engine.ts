// An engine built in this process, answering through Fastify's inject: no spawn, no port
// unless a test listens on one, its own temporary DATA_DIR. The queue is not started, so jobs
// stay pending unless a test starts it; fast enough for tests that send thousands of requests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildEngine, type Engine, type EngineOptions } from "../app";
import { readConfig } from "../config";
import type { WireBody } from "./engine-process";
import { removeDataDir } from "./engine-process";

export interface InProcessEngine {
  engine: Engine;
  dataDir: string;
  /** A request to the API root, with this engine's token unless `token` says otherwise. */
  call(
    method: "GET" | "POST" | "DELETE",
    url: string,
    body?: unknown,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: WireBody; text: string; headers: Record<string, unknown> }>;
  /**
   * GETs a URL the engine handed out, such as a presigned artifact link, by its path and
   * query: no token, as a <video> element asks.
   */
  open(
    url: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Buffer; text: string; headers: Record<string, unknown> }>;
  /** Exchanges a key and makes its token the default for later calls. */
  login(apiKey?: string): Promise<string>;
  /** Listens on a free loopback port, for the few tests that need a real socket. */
  listen(): Promise<{ url: string; api: string }>;
  close(): Promise<void>;
}

/**
 * `options.database` is where the engine keeps its database: ":memory:" for tests that do not
 * read the file; by default engine.sqlite3 in the temporary DATA_DIR.
 */
export async function startInProcessEngine(
  env: Record<string, string> = {},
  options: EngineOptions = {},
): Promise<InProcessEngine> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-in-process-"));
  const config = { ...readConfig({ DATA_DIR: dataDir, ...env }, ["--engine-only"]) };
  const engine = await buildEngine(config, options);
  let token: string | null = null;

  const call: InProcessEngine["call"] = async (method, url, body, options = {}) => {
    const bearer = options.token === undefined ? token : options.token;
    const payload =
      body === undefined
        ? undefined
        : typeof body === "string" || Buffer.isBuffer(body)
          ? body
          : JSON.stringify(body);
    const response = await engine.app.inject({
      method,
      url: `/api${url}`,
      headers: {
        ...(bearer && { authorization: `Bearer ${bearer}` }),
        ...(payload !== undefined && { "content-type": "application/json" }),
        ...options.headers,
      },
      ...(payload !== undefined && { payload }),
    });
    let json: unknown = null;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = response.body;
    }
    return {
      status: response.statusCode,
      body: json as WireBody,
      text: response.body,
      headers: response.headers,
    };
  };

  return {
    engine,
    dataDir,
    call,
    async open(url, headers = {}) {
      const { pathname, search } = new URL(url, "http://localhost");
      const response = await engine.app.inject({ method: "GET", url: pathname + search, headers });
      return {
        status: response.statusCode,
        body: response.rawPayload,
        text: response.body,
        headers: response.headers,
      };
    },
    async login(apiKey = "in-process-key") {
      const answer = await call("POST", "/auth/token", { api_key: apiKey }, { token: null });
      token = answer.body.access_token as string;
      return token;
    },
    async listen() {
      await engine.app.listen({ host: "127.0.0.1", port: 0 });
      const address = engine.app.server.address();
      if (typeof address !== "object" || address === null) throw new Error("not listening");
      const url = `http://127.0.0.1:${address.port}`;
      return { url, api: `${url}/api` };
    },
    async close() {
      await engine.app.close();
      removeDataDir(dataDir);
    },
  };
}

/**
 * A clock that moves only when told, for `EngineOptions.now`: expiries and rate windows are
 * crossed by advancing it, never by sleeping.
 */
export function manualClock(start = Date.parse("2030-01-01T00:00:00.000Z")) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}
