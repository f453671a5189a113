// The engine's settings, read once from the environment. Every setting has a default so
// `npm start` needs none; the README lists them all.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface EngineConfig {
  host: string;
  port: number;
  dataDir: string;
  /** Serve the built studio from `dist/` beside the API (off for `npm run engine`). */
  serveStudio: boolean;
  studioDir: string;
  /** Jobs rendered at once. */
  workers: number;
  /** Accepted API keys; null accepts any non-empty key, each its own tenant. */
  apiKeys: ReadonlySet<string> | null;
  /** Keys allowed to send `bypass_vlm_expansion`. */
  privilegedKeys: ReadonlySet<string>;
  maxStreamSeconds: number;
  tokenTtlSeconds: number;
  urlTtlSeconds: number;
  /** Job creations per key per minute. */
  rateLimitPerMinute: number;
  allowPrivateScriptUrls: boolean;
  /** Pause between dispatching a job and rendering it; lets tests and demos catch `dispatched`. */
  dispatchDelayMs: number;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}; got "${raw}"`);
  }
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false" || raw === "no") return false;
  if (raw === "1" || raw === "true" || raw === "yes") return true;
  throw new ConfigError(`${name} must be 1 or 0; got "${env[name]}"`);
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): EngineConfig {
  const port = integer(env, "PORT", 8787, 0);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535; got "${env.PORT}"`);
  const apiKeys = list(env.ENGINE_API_KEYS);
  return {
    host: env.HOST || "127.0.0.1",
    port,
    dataDir: path.resolve(projectRoot, env.DATA_DIR || ".data"),
    serveStudio: !argv.includes("--engine-only"),
    studioDir: path.join(projectRoot, "dist"),
    workers: integer(env, "ENGINE_WORKERS", 1, 1),
    apiKeys: apiKeys.length > 0 ? new Set(apiKeys) : null,
    privilegedKeys: new Set(list(env.ENGINE_PRIVILEGED_KEYS)),
    maxStreamSeconds: integer(env, "ENGINE_MAX_STREAM_SECONDS", 600, 1),
    tokenTtlSeconds: integer(env, "ENGINE_TOKEN_TTL_SECONDS", 3600, 1),
    urlTtlSeconds: integer(env, "ENGINE_URL_TTL_SECONDS", 3600, 1),
    rateLimitPerMinute: integer(env, "ENGINE_RATE_LIMIT_PER_MINUTE", 60, 1),
    allowPrivateScriptUrls: flag(env, "ENGINE_ALLOW_PRIVATE_SCRIPT_URLS"),
    dispatchDelayMs: integer(env, "ENGINE_DISPATCH_DELAY_MS", 0, 0),
  };
}
