// Starts a real engine process on a free loopback port with its own temporary DATA_DIR, as
// the engine tests' only way in: they speak HTTP to it and never reach into its modules.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface EngineProcess {
  url: string;
  api: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startEngine(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), "simulate-engine-test-")),
): Promise<EngineProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--engine-only"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), 30_000);
    const onData = () => {
      const match = /ready on (http:\/\/[^\s]+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`engine exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    api: `${url}/api`,
    dataDir,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * A response body as tests read it: by path, asserting on each value. Its shape is what the
 * assertions check, so typing it would only repeat them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireBody = Record<string, any>;

/** A minimal client that speaks the wire protocol as any client would. */
export function clientFor(api: string) {
  let token: string | null = null;
  async function call(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${api}${url}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { "content-type": "application/json" }),
        ...headers,
      },
      ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      body: json as WireBody,
    };
  }
  return {
    call,
    async login(apiKey = "test-key") {
      const result = await call("POST", "/auth/token", { api_key: apiKey });
      token = (result.body as { access_token: string }).access_token;
      return result;
    },
    setToken(value: string | null) {
      token = value;
    },
    async waitFor(jobId: string, done: (status: string) => boolean, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = await call("GET", `/simulation-jobs/${jobId}`);
        if (done(result.body.status as string)) return result.body;
        if (Date.now() > deadline) throw new Error(`job ${jobId} stuck in ${result.body.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

export const shortScript = (prompt = "a lighthouse", ms = 1000) => [
  { timestamp_ms: 0, start: { prompt } },
  { timestamp_ms: ms, end: {} },
];
