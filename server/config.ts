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

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): EngineConfig {
  const port = integer(env, "PORT", 8787, 0);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535; got "${env.PORT}"`);
  return {
    host: env.HOST || "127.0.0.1",
    port,
    dataDir: path.resolve(projectRoot, env.DATA_DIR || ".data"),
    serveStudio: !argv.includes("--engine-only"),
    studioDir: path.join(projectRoot, "dist"),
  };
}
