// npm run bench:startup: how long the engine takes from `node` to a healthy /api/health, and
// from a job's submission to its first rendered frame (the first progress report), for the
// compiled server (`npm start`, after `npm run build`) and the TypeScript source through tsx.
// Prints figures and asserts nothing: speed goals are read by people.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { machine, percentile } from "./engine-figures";
import { record } from "./figures";

const RUNS = 5;
/** Jobs submitted one after another per engine: the first may meet a cold render process. */
const JOBS = 4;
const POLL_MS = 5;

const variants = [
  {
    name: "compiled (node build/server/main.js)",
    short: "compiled",
    args: ["build/server/main.js"],
  },
  {
    name: "source (node --import tsx server/main.ts)",
    short: "before: through tsx",
    args: ["--import", "tsx", "server/main.ts"],
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

async function healthy(api: string): Promise<boolean> {
  try {
    return (await fetch(`${api}/health`)).status === 200;
  } catch {
    // Not listening yet.
    return false;
  }
}

async function call(api: string, method: string, url: string, token?: string, body?: unknown) {
  const response = await fetch(`${api}${url}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read by path, as tests do
  return (await response.json()) as Record<string, any>;
}

interface Run {
  healthMs: number;
  firstFrameMs: number[];
}

async function measure(args: string[]): Promise<Run> {
  const port = await freePort();
  const api = `http://127.0.0.1:${port}/api`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "simulate-bench-startup-"));
  const startedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...args, "--engine-only"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    while (!(await healthy(api))) {
      if (child.exitCode !== null) throw new Error(`the engine exited with ${child.exitCode}`);
      await sleep(POLL_MS);
    }
    const healthMs = performance.now() - startedAt;
    const token = (await call(api, "POST", "/auth/token", undefined, { api_key: "bench" }))
      .access_token as string;
    const firstFrameMs: number[] = [];
    for (let i = 0; i < JOBS; i++) {
      const submittedAt = performance.now();
      const script = [
        { timestamp_ms: 0, start: { prompt: `a harbour at dusk ${i}` } },
        { timestamp_ms: 1000, end: {} },
      ];
      const jobId = (await call(api, "POST", "/simulation-jobs", token, { script }))
        .job_id as string;
      let framed = false;
      for (;;) {
        const job = await call(api, "GET", `/simulation-jobs/${jobId}`, token);
        if (!framed && (job.status === "completed" || job.streams?.[0]?.progress_percent > 0)) {
          firstFrameMs.push(performance.now() - submittedAt);
          framed = true;
        }
        if (job.status === "completed" || job.status === "failed") break;
        await sleep(POLL_MS);
      }
    }
    return { healthMs, firstFrameMs };
  } finally {
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await gone;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

console.log(`Engine start-up and dispatch, ${RUNS} runs each; ${machine()}`);
for (const variant of variants) {
  if (!existsSync(variant.args.at(-1) as string)) {
    console.log(`${variant.name}: skipped, ${variant.args.at(-1)} not found (npm run build)`);
    continue;
  }
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(variant.args));
  const first = runs.map((run) => run.firstFrameMs[0] as number);
  const later = runs.flatMap((run) => run.firstFrameMs.slice(1));
  console.log(variant.name);
  console.log(
    `  start to healthy:                 median ${fmt(median(runs.map((r) => r.healthMs)))}`,
  );
  console.log(`  submit to first frame, first job: median ${fmt(median(first))}`);
  console.log(`  submit to first frame, next jobs: median ${fmt(median(later))}`);
  const note = variant.short;
  record({
    bench: "startup",
    name: `Engine start to healthy (${note})`,
    value: median(runs.map((r) => r.healthMs)),
    unit: "ms",
  });
  record({
    bench: "startup",
    name: `Submit to first frame, first job (${note})`,
    value: median(first),
    unit: "ms",
  });
  record({
    bench: "startup",
    name: `Submit to first frame, next jobs (${note})`,
    value: median(later),
    unit: "ms",
  });
}
