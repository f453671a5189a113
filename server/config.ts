// The engine's settings, read once from the environment. Every setting has a default so
// `npm start` needs none; the README lists them all.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of package.json: one up from this file's source (server/), two up from the
 * compiled server (build/server/main.js). DATA_DIR and STUDIO_DIR are resolved against it.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

export interface EngineConfig {
  host: string;
  port: number;
  dataDir: string;
  /** Serve the built studio from `dist/` beside the API (off for `npm run engine`). */
  serveStudio: boolean;
  studioDir: string;
  /** Send the studio build's source maps too (STUDIO_SOURCE_MAPS=1); refused by default. */
  studioSourceMaps: boolean;
  /** Jobs rendered at once. */
  workers: number;
  /** V8 heap limit of each render process, in MB. */
  renderMemoryMb: number;
  /** Accepted API keys; null accepts any non-empty key, each its own tenant. */
  apiKeys: ReadonlySet<string> | null;
  /** Keys allowed to send `bypass_vlm_expansion`. */
  privilegedKeys: ReadonlySet<string>;
  maxStreamSeconds: number;
  tokenTtlSeconds: number;
  urlTtlSeconds: number;
  /** Job creations per key per minute. */
  rateLimitPerMinute: number;
  /** Seconds of video a key may submit per minute, over all its jobs. */
  rateLimitVideoSecondsPerMinute: number;
  /** The most video one job may ask for, over all its streams. */
  maxJobSeconds: number;
  /** The most scripts in one batch (`scripts`). */
  maxScripts: number;
  /** The most streams in one job: bounds what every poll of it must send. */
  maxJobStreams: number;
  /** The most video a key may have waiting or rendering at once. */
  maxQueuedSeconds: number;
  /** Origins besides the studio's own that may call the API from a browser (CORS). */
  corsOrigins: ReadonlySet<string>;
  /** Where presigned URLs point (scheme, host, port); null uses the request's checked Host. */
  publicOrigin: string | null;
  /** How long a request may take to arrive whole, body included. */
  requestTimeoutMs: number;
  /** Open connections at most; more wait in the kernel's backlog or are refused. */
  maxConnections: number;
  allowPrivateScriptUrls: boolean;
  /** Pause between dispatching a job and rendering it; lets tests and demos catch `dispatched`. */
  dispatchDelayMs: number;
  /** Odyssey's cloud, relayed under RELAY_PREFIX by the studio's server; null with --engine-only. */
  cloudRelay: CloudRelayConfig | null;
  /**
   * The host names this server answers to as itself (the Host header's name, without port):
   * a request addressed to any other name is a DNS-rebinding attempt from some web page.
   */
  allowedHosts: ReadonlySet<string>;
}

export interface CloudRelayConfig {
  /** The Simulate API root requests are forwarded to, and the only place they go. */
  root: string;
  /** A key the server holds for every caller; null forwards each caller's own key. */
  apiKey: string | null;
  /** How long the cloud may take to start answering. */
  timeoutMs: number;
}

export const DEFAULT_CLOUD_ROOT = "https://api.odyssey.ml";

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

/** An http(s) API root without a trailing slash, query or fragment. */
function apiRoot(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = (env[name] ?? "").trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) address; got "${raw}"`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash) {
    throw new ConfigError(
      `${name} must be an http(s) address with no query or fragment; got "${raw}"`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(`${name} must not carry a user name or password`);
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Loopback names, the listening host when it is a name or address, ENGINE_PUBLIC_ORIGIN's host
 * and ENGINE_ALLOWED_HOSTS.
 */
function allowedHosts(
  env: NodeJS.ProcessEnv,
  host: string,
  publicOrigin: string | null,
): Set<string> {
  const names = ["localhost", "127.0.0.1", "[::1]", ...list(env.ENGINE_ALLOWED_HOSTS)];
  if (host !== "0.0.0.0" && host !== "::") names.push(host.includes(":") ? `[${host}]` : host);
  if (publicOrigin !== null) names.push(new URL(publicOrigin).hostname);
  return new Set(names.map((name) => name.toLowerCase()));
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): EngineConfig {
  const port = integer(env, "PORT", 8787, 0);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535; got "${env.PORT}"`);
  const apiKeys = list(env.ENGINE_API_KEYS);
  const host = env.HOST || "127.0.0.1";
  const serveStudio = !argv.includes("--engine-only");
  const publicOrigin = env.ENGINE_PUBLIC_ORIGIN?.trim()
    ? apiRoot(env, "ENGINE_PUBLIC_ORIGIN", "")
    : null;
  return {
    host,
    port,
    dataDir: path.resolve(projectRoot, env.DATA_DIR || ".data"),
    serveStudio,
    // STUDIO_DIR lets two test runs on one machine each serve their own build.
    studioDir: path.resolve(projectRoot, env.STUDIO_DIR || "dist"),
    studioSourceMaps: flag(env, "STUDIO_SOURCE_MAPS"),
    workers: integer(env, "ENGINE_WORKERS", 1, 1),
    renderMemoryMb: integer(env, "ENGINE_RENDER_MEMORY_MB", 1024, 64),
    apiKeys: apiKeys.length > 0 ? new Set(apiKeys) : null,
    privilegedKeys: new Set(list(env.ENGINE_PRIVILEGED_KEYS)),
    maxStreamSeconds: integer(env, "ENGINE_MAX_STREAM_SECONDS", 600, 1),
    tokenTtlSeconds: integer(env, "ENGINE_TOKEN_TTL_SECONDS", 3600, 1),
    urlTtlSeconds: integer(env, "ENGINE_URL_TTL_SECONDS", 3600, 1),
    rateLimitPerMinute: integer(env, "ENGINE_RATE_LIMIT_PER_MINUTE", 60, 1),
    rateLimitVideoSecondsPerMinute: integer(
      env,
      "ENGINE_RATE_LIMIT_VIDEO_SECONDS_PER_MINUTE",
      2 * 3600,
      1,
    ),
    maxJobSeconds: integer(env, "ENGINE_MAX_JOB_SECONDS", 3600, 1),
    maxScripts: integer(env, "ENGINE_MAX_SCRIPTS", 50, 1),
    maxJobStreams: integer(env, "ENGINE_MAX_JOB_STREAMS", 1000, 1),
    maxQueuedSeconds: integer(env, "ENGINE_MAX_QUEUED_SECONDS", 4 * 3600, 1),
    corsOrigins: new Set(list(env.ENGINE_CORS_ORIGINS).map((origin) => origin.replace(/\/+$/, ""))),
    publicOrigin,
    requestTimeoutMs: integer(env, "ENGINE_REQUEST_TIMEOUT_SECONDS", 30, 1) * 1000,
    maxConnections: integer(env, "ENGINE_MAX_CONNECTIONS", 1000, 1),
    allowPrivateScriptUrls: flag(env, "ENGINE_ALLOW_PRIVATE_SCRIPT_URLS"),
    dispatchDelayMs: integer(env, "ENGINE_DISPATCH_DELAY_MS", 0, 0),
    cloudRelay: serveStudio
      ? {
          root: apiRoot(env, "ODYSSEY_API_URL", DEFAULT_CLOUD_ROOT),
          apiKey: env.ODYSSEY_API_KEY?.trim() || null,
          timeoutMs: integer(env, "ODYSSEY_API_TIMEOUT_SECONDS", 30, 1) * 1000,
        }
      : null,
    allowedHosts: allowedHosts(env, host, publicOrigin),
  };
}
