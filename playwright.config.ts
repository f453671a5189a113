import { chromium, defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chooseChromium, chromiumExecutable, realProbe } from "./scripts/chromium.ts";

// Playwright cannot download its own browser on every machine, so use the system's Chromium
// when there is one: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
// (which scripts/ensure-browser.ts installs when missing, by the same rule).
const chromiumPath = () =>
  chromiumExecutable(chooseChromium(realProbe(() => chromium.executablePath())));

const port = Number(process.env.E2E_PORT ?? 8790);
const baseURL = `http://127.0.0.1:${port}`;
// Each engine gets an empty data folder under the OS temp dir, never reused.
const freshDataDir = () => mkdtempSync(path.join(tmpdir(), "simulate-e2e-"));

/**
 * The main engine, plus two configured to make rare moments happen on cue: one that holds
 * every job before rendering (so pending and dispatched jobs can be cancelled), and one whose
 * signed URLs expire in seconds (so the player's renewal is exercised). Then a server shaped
 * like Odyssey's cloud (the cloud stand-in, its files on a second port), and a studio whose
 * relay points at it with a key of its own. e2e/engines.ts names them.
 */
const cloudApi = `http://127.0.0.1:${port + 3}`;
const engines: { port: number; env: Record<string, string> }[] = [
  { port, env: {} },
  { port: port + 1, env: { ENGINE_DISPATCH_DELAY_MS: "600000", ENGINE_MAX_STREAM_SECONDS: "60" } },
  { port: port + 2, env: { ENGINE_URL_TTL_SECONDS: "4" } },
  { port: port + 5, env: { ODYSSEY_API_URL: cloudApi, ODYSSEY_API_KEY: "ody_e2e_server_key" } },
];
const cloudStandIn = {
  command: "node --import tsx server/test/cloud-stand-in-main.ts",
  url: `${cloudApi}/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: {
    STANDIN_HOST: "127.0.0.1",
    STANDIN_API_PORT: String(port + 3),
    STANDIN_FILES_PORT: String(port + 4),
    STANDIN_STAGE_MS: "1500",
    STANDIN_QUOTA_JOBS: "3",
  },
  stdout: "pipe" as const,
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", headless: true } }],
  webServer: [
    cloudStandIn,
    ...engines.map((engine) => ({
      // The compiled server, as `npm start` runs it: test:e2e builds it first.
      command: "node build/server/main.js",
      url: `http://127.0.0.1:${engine.port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(engine.port),
        HOST: "127.0.0.1",
        DATA_DIR: freshDataDir(),
        ...(process.env.STUDIO_DIR ? { STUDIO_DIR: process.env.STUDIO_DIR } : {}),
        ...engine.env,
      },
      stdout: "pipe" as const,
    })),
  ],
});
