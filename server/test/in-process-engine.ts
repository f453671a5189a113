// An engine built in this process, answering through Fastify's inject: no port, no spawn, its
// own temporary DATA_DIR. The queue is not started, so jobs stay pending unless a test starts
// it; fast enough for tests that send thousands of requests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildEngine, type Engine } from "../app";
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
  /** Exchanges a key and makes its token the default for later calls. */
  login(apiKey?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startInProcessEngine(
  env: Record<string, string> = {},
): Promise<InProcessEngine> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-in-process-"));
  const config = { ...readConfig({ DATA_DIR: dataDir, ...env }, ["--engine-only"]) };
  const engine = await buildEngine(config);
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
    async login(apiKey = "in-process-key") {
      const answer = await call("POST", "/auth/token", { api_key: apiKey }, { token: null });
      token = answer.body.access_token as string;
      return token;
    },
    async close() {
      await engine.app.close();
      removeDataDir(dataDir);
    },
  };
}
