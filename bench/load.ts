// npm run bench:load (with bench/hostile-bodies.ts): how fast the engine answers status polls
// while it renders. 1,000 simulated pollers, each on its own keep-alive connection as that many
// studio tabs on as many machines would be, poll their jobs every 2 s on a fixed, staggered
// schedule: 500 requests a second, for 30 s. Prints figures and asserts nothing.
//
// Why a scheduler of its own and not autocannon: autocannon writes a connection's next request
// only after its last answer and times each from when it is written, so a stall in the engine
// delays the very requests that would have measured it (coordinated omission); and a poller per
// connection, each with its own job and token, is awkward to express in it. Here every request has a scheduled send time, goes out at that time whatever the others are
// doing, and its latency counts from that time to the answer's last byte (as wrk2 does): a
// slow engine, or a lagging benchmark, can only make the figures worse, never hide.
//
// Settings: BENCH_LOAD_SECONDS (30), BENCH_LOAD_POLLERS (1000), BENCH_LOAD_INTERVAL_MS (2000),
// BENCH_LOAD_KEYS (50), BENCH_LOAD_CONNECTIONS (one per poller), BENCH_LOAD_LIST_EVERY (10:
// every 10th poll is a list call), BENCH_LOAD_RENDER_SECONDS (600: the stream kept rendering),
// BENCH_LOAD_IDLE=1 (a baseline with no render: the first job is held as dispatched instead).
import { execFileSync } from "node:child_process";
import http from "node:http";
import { readFileSync } from "node:fs";
import { clientFor, removeDataDir, startEngine } from "../server/test/engine-process";
import { machine, percentile, stopEngine } from "./engine-figures";
import { record } from "./figures";

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number, at least 1`);
  return value;
}

const SECONDS = setting("BENCH_LOAD_SECONDS", 30);
const POLLERS = setting("BENCH_LOAD_POLLERS", 1000);
const INTERVAL_MS = setting("BENCH_LOAD_INTERVAL_MS", 2000);
const KEYS = Math.min(setting("BENCH_LOAD_KEYS", 50), POLLERS);
const CONNECTIONS = Math.min(setting("BENCH_LOAD_CONNECTIONS", POLLERS), POLLERS);
const LIST_EVERY = setting("BENCH_LOAD_LIST_EVERY", 10);
const RENDER_SECONDS = setting("BENCH_LOAD_RENDER_SECONDS", 600);
const IDLE = process.env.BENCH_LOAD_IDLE === "1";
/** The render job's status throughout the measurement. */
const HELD = IDLE ? "dispatched" : "processing";
const REQUEST_TIMEOUT_MS = 10_000;
const GOAL_P99_MS = 20;
const LIST_PATH = "/api/simulation-jobs?active=true&limit=20";

/** Busy and total clock ticks of all cores, from /proc/stat. */
function cpuTicks(): { busy: number; total: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** User + system clock ticks a process has used (its children not included). */
function processTicks(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which may itself hold spaces: utime and stime are 14 and 15.
  const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(after[11]) + Number(after[12]);
}

const clockTicksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

async function inBatches<T>(count: number, parallel: number, each: (i: number) => Promise<T>) {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await each(i);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const started = performance.now();
  const keys = Array.from({ length: KEYS }, (_, i) => `bench-load-key-${i + 1}`);
  const maxConnections = CONNECTIONS + 100;
  const engine = await startEngine({
    ENGINE_API_KEYS: keys.join(","),
    ENGINE_RATE_LIMIT_PER_MINUTE: String(POLLERS + 100),
    ENGINE_MAX_CONNECTIONS: String(maxConnections),
    // The baseline holds the job between dispatch and rendering for longer than the run.
    ...(IDLE && { ENGINE_DISPATCH_DELAY_MS: String(3_600_000) }),
  });
  const agents: http.Agent[] = [];
  try {
    const rate = (POLLERS * 1000) / INTERVAL_MS;
    console.log(
      `Engine load benchmark: ${POLLERS} pollers every ${INTERVAL_MS} ms (${rate} requests/s) ` +
        `for ${SECONDS} s ${IDLE ? "with no render (baseline)" : "while the engine renders"}\nMachine at start: ${machine()}\n`,
    );

    // Setup: a token per key, one job rendering a long stream, and a waiting job per poller.
    const client = clientFor(engine.api);
    const tokens = await Promise.all(
      keys.map(async (key) => {
        const login = await client.call("POST", "/auth/token", { api_key: key });
        if (login.status !== 200) throw new Error(`token for ${key}: ${login.status}`);
        return login.body.access_token as string;
      }),
    );
    const auth = (poller: number) => ({ authorization: `Bearer ${tokens[poller % KEYS]}` });
    const submit = async (poller: number, durationMs: number) => {
      const created = await client.call(
        "POST",
        "/simulation-jobs",
        {
          script: [
            { timestamp_ms: 0, start: { prompt: `poller ${poller}: a lighthouse at dusk` } },
            { timestamp_ms: durationMs, end: {} },
          ],
          portrait: false,
          output_video: true,
        },
        auth(poller),
      );
      if (created.status !== 200) {
        throw new Error(
          `job of poller ${poller}: ${created.status} ${JSON.stringify(created.body)}`,
        );
      }
      return created.body.job_id as string;
    };
    const statusOf = async (jobId: string) =>
      (await client.call("GET", `/simulation-jobs/${jobId}`, undefined, auth(0))).body
        .status as string;

    const renderJob = await submit(0, RENDER_SECONDS * 1000);
    const deadline = Date.now() + 60_000;
    while ((await statusOf(renderJob)) !== HELD) {
      if (Date.now() > deadline) throw new Error("the render job did not start within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const waiting = await inBatches(POLLERS - 1, 8, (i) => submit(i + 1, 1000));
    const jobs = [renderJob, ...waiting];
    console.log(
      `Setup: ${KEYS} API keys; ${POLLERS} jobs, one per poller: poller 1's renders a ` +
        `${RENDER_SECONDS} s stream${IDLE ? " (held as dispatched: BENCH_LOAD_IDLE=1)" : ""}, the other ${POLLERS - 1} wait behind it (1 s streams). ` +
        `${CONNECTIONS} keep-alive connections` +
        `${CONNECTIONS === POLLERS ? ", one per poller" : " shared by the pollers"}; every ` +
        `${LIST_EVERY}th poll is GET ${LIST_PATH.replace("/api", "")}, the rest GET ` +
        `/simulation-jobs/{id}. Engine: ENGINE_MAX_CONNECTIONS=${maxConnections}, otherwise ` +
        `defaults (1 worker). Setup took ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );

    // The schedule: request k goes out at t0 + k * period, from poller k mod POLLERS, so each
    // poller sends every INTERVAL_MS and the pollers are spread evenly over the interval. The
    // first round (one poll per poller) opens the connections and warms up; it is not counted.
    const { hostname, port } = new URL(engine.url);
    for (let i = 0; i < CONNECTIONS; i++) {
      agents.push(new http.Agent({ keepAlive: true, maxSockets: 1 }));
    }
    const period = INTERVAL_MS / POLLERS;
    const warmup = POLLERS;
    const total = warmup + Math.round((SECONDS * 1000) / period);
    const latency = new Float64Array(total).fill(NaN); // scheduled send -> last byte
    const fromSend = new Float64Array(total).fill(NaN); // actual send -> last byte
    const lag = new Float64Array(total).fill(NaN); // scheduled -> actual send
    const status = new Uint16Array(total); // 0: no answer
    const isList = new Uint8Array(total);
    const errors = new Map<string, number>();
    const renderJobStatuses: string[] = [];
    let bytes = 0;
    let outstanding = 0;
    let cpuAtStart = cpuTicks();
    let engineTicksAtStart = processTicks(engine.child.pid);
    let ownCpuAtStart = process.cpuUsage();

    const t0 = performance.now() + 50;
    let k = 0;
    const fire = (k: number) => {
      const poller = k % POLLERS;
      const list = (Math.floor(k / POLLERS) + poller) % LIST_EVERY === LIST_EVERY - 1;
      const scheduled = t0 + k * period;
      const sent = performance.now();
      lag[k] = sent - scheduled;
      isList[k] = list ? 1 : 0;
      if (k === warmup) {
        cpuAtStart = cpuTicks();
        engineTicksAtStart = processTicks(engine.child.pid);
        ownCpuAtStart = process.cpuUsage();
      }
      outstanding++;
      let settled = false;
      // A request that fails counts in the latencies too, at the moment it failed.
      const settle = (code: number, error?: string) => {
        if (settled) return;
        settled = true;
        outstanding--;
        const done = performance.now();
        status[k] = code;
        latency[k] = done - scheduled;
        fromSend[k] = done - sent;
        if (error) errors.set(error, (errors.get(error) ?? 0) + 1);
      };
      const request = http.request(
        {
          hostname,
          port,
          path: list ? LIST_PATH : `/api/simulation-jobs/${jobs[poller]}`,
          agent: agents[poller % CONNECTIONS],
          headers: auth(poller),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
            if (poller === 0 && !list) chunks.push(chunk);
          });
          response.on("end", () => {
            settle(response.statusCode ?? 0);
            if (chunks.length > 0 && k >= warmup) {
              try {
                renderJobStatuses.push(JSON.parse(Buffer.concat(chunks).toString()).status);
              } catch {
                renderJobStatuses.push("(unreadable)");
              }
            }
          });
          response.on("error", (error) => settle(0, error.message));
        },
      );
      request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error("timed out")));
      request.on("error", (error) => settle(0, error.message));
      request.end();
    };
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (k < total && t0 + k * period <= now) fire(k++);
        if (k < total) setTimeout(tick, Math.max(0, t0 + k * period - performance.now()));
        else resolve();
      };
      setTimeout(tick, 50);
    });
    const lastSent = performance.now();
    const cpuAtEnd = cpuTicks();
    const engineTicks = processTicks(engine.child.pid) - engineTicksAtStart;
    const ownCpu = process.cpuUsage(ownCpuAtStart);
    const finishBy = Date.now() + REQUEST_TIMEOUT_MS + 1000;
    while (outstanding > 0 && Date.now() < finishBy) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const afterStatus = await statusOf(renderJob);

    // Figures over the measured requests only.
    const measured = total - warmup;
    const pick = (values: Float64Array, want: (i: number) => boolean) => {
      const out: number[] = [];
      for (let i = warmup; i < total; i++) if (want(i)) out.push(values[i] as number);
      return Float64Array.from(out.filter((n) => !Number.isNaN(n))).sort();
    };
    const all = pick(latency, () => true);
    const line = (name: string, sorted: Float64Array) =>
      `${name.padEnd(34)}${[50, 90, 99].map((p) => percentile(sorted, p).toFixed(2).padStart(9)).join("")}` +
      `${(sorted[sorted.length - 1] ?? NaN).toFixed(2).padStart(9)}${String(sorted.length).padStart(9)}`;
    let failed = 0;
    let non2xx = 0;
    for (let i = warmup; i < total; i++) {
      const code = status[i] as number;
      if (code === 0) failed++;
      else if (code < 200 || code > 299) non2xx++;
    }
    const seconds = (lastSent - (t0 + warmup * period)) / 1000;
    const cpu = (cpuAtEnd.busy - cpuAtStart.busy) / (cpuAtEnd.total - cpuAtStart.total);
    const held = renderJobStatuses.filter((s) => s === HELD).length;
    const heldThroughout =
      renderJobStatuses.length > 0 &&
      renderJobStatuses[0] === HELD &&
      renderJobStatuses.at(-1) === HELD &&
      afterStatus === HELD;
    const p99 = percentile(all, 99);
    const sortedLag = pick(lag, () => true);

    console.log(
      `\nMeasured ${SECONDS} s after a ${INTERVAL_MS / 1000} s warm-up round (${warmup} polls, not counted):`,
    );
    console.log(
      `Requests sent       ${measured} (${pick(latency, (i) => isList[i] === 1).length} list calls)`,
    );
    console.log(
      `Errors / non-2xx    ${failed} / ${non2xx}` +
        (errors.size > 0 ? `  (${[...errors].map(([m, n]) => `${n}x ${m}`).join("; ")})` : ""),
    );
    console.log(
      `Achieved rate       ${(measured / seconds).toFixed(1)} requests/s sent (goal ${rate}), ` +
        `${(bytes / 1e6).toFixed(1)} MB answered in all`,
    );
    console.log(
      `\n${"latency, ms".padEnd(34)}${["p50", "p90", "p99", "max", "count"].map((s) => s.padStart(9)).join("")}`,
    );
    console.log(line("all polls (scheduled -> last byte)", all));
    console.log(
      line(
        "  GET /simulation-jobs/{id}",
        pick(latency, (i) => isList[i] === 0),
      ),
    );
    console.log(
      line(
        "  GET /simulation-jobs?active=true",
        pick(latency, (i) => isList[i] === 1),
      ),
    );
    console.log(
      line(
        "all polls (sent -> last byte)",
        pick(fromSend, () => true),
      ),
    );
    console.log(line("benchmark's send lag", sortedLag));
    // Whether the slow polls are spread out or come in bursts (other work on the machine).
    const perWindow = Math.round(5000 / period);
    const windows: string[] = [];
    for (let from = warmup; from < total; from += perWindow) {
      const to = Math.min(total, from + perWindow);
      const sorted = pick(latency, (i) => i >= from && i < to);
      windows.push(percentile(sorted, 99).toFixed(1));
    }
    console.log(`p99 by 5 s window, ms: ${windows.join(", ")}`);
    console.log(
      `\n${IDLE ? "No render (baseline)" : "Render in progress"}: ${heldThroughout ? "yes" : "NO"}: the render job's status was ` +
        `${renderJobStatuses[0] ?? "never read"} at the start and ${renderJobStatuses.at(-1) ?? "never read"} ` +
        `at the end of the measurement (${held} of its ${renderJobStatuses.length} polls said ` +
        `${HELD}; ${afterStatus} after the last answer).`,
    );
    console.log(
      `CPU during the measurement: the machine's cores ${(cpu * 100).toFixed(0)}% busy; ` +
        `the engine process used ${((engineTicks / clockTicksPerSecond / seconds) * 100).toFixed(0)}% ` +
        `of one core (its render process and ffmpeg not included), this benchmark ` +
        `${(((ownCpu.user + ownCpu.system) / 1e6 / seconds) * 100).toFixed(0)}%.`,
    );
    console.log(`Machine at end: ${machine()}`);
    console.log(
      `\nGoal: p99 < ${GOAL_P99_MS} ms during a render: ` +
        (IDLE
          ? `not judged, no render in this baseline (p99 ${p99.toFixed(2)} ms, ${failed + non2xx} failed)`
          : `${p99 < GOAL_P99_MS && heldThroughout && failed + non2xx === 0 ? "PASS" : "MISS"} ` +
            `(p99 ${p99.toFixed(2)} ms, ${failed + non2xx} failed, render ${heldThroughout ? "in progress throughout" : "NOT in progress throughout"})`),
    );
    if (!IDLE) {
      record({
        bench: "load",
        name: `Status polls during a render, ${rate} requests/s from ${POLLERS} pollers (p99)`,
        value: heldThroughout && failed + non2xx === 0 ? p99 : NaN,
        unit: "ms",
        goal: { op: "<", limit: GOAL_P99_MS },
        ...(!heldThroughout && { note: "the render was not in progress throughout" }),
      });
    }
    console.log(`\nBenchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    for (const agent of agents) agent.destroy();
    await stopEngine(engine);
    removeDataDir(engine.dataDir);
  }
}

await main();
