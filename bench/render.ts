// npm run bench:render: how fast the preview renderer is against the ceiling of encoding
// alone, how much of its time goes to drawing, and how quickly the engine answers status
// polls while it renders. Prints figures and asserts nothing: speed goals are read by people.
import { createCanvas } from "@napi-rs/canvas";
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { encodeFrames } from "../server/render/encode-frames";
import { rasterBytes } from "../server/render/pixels";
import { type RenderStreamInput, renderStream, sceneSpecFor } from "../server/render/render-stream";
import { RENDER_PROCESS_ENV } from "../server/render/process-env";
import { createScene } from "../server/render/scene";
import { clientFor, startEngine } from "../server/test/engine-process";
import { record } from "./figures";

// Measure the renderer as the engine runs it: in a process started with the render
// environment (glibc settings read at start-up), so re-run this script in one if needed.
if (
  isMainThread &&
  Object.entries(RENDER_PROCESS_ENV).some(([name, value]) => process.env[name] !== value)
) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, ...RENDER_PROCESS_ENV },
  });
  process.exit(child.status ?? 1);
}

const DURATION_MS = 60_000;
const POLL_SECONDS = 8;
const prompts = [
  "A lighthouse on a cliff at dusk, waves crashing below, gulls wheeling in the last light",
  "a storm rolls in from the sea",
  "lightning strikes the water",
  "the clouds part and stars come out",
];

function script(portrait: boolean, image?: Uint8Array): RenderStreamInput {
  return {
    streamId: "bench",
    streamNumber: 1,
    portrait,
    durationMs: DURATION_MS,
    start: {
      prompt: prompts[0] as string,
      ...(image && { image: { bytes: image, mime: "image/jpeg" as const } }),
    },
    interactions: prompts.slice(1).map((prompt, i) => ({ offsetMs: (i + 1) * 15_000, prompt })),
    scriptTimestamps: { startMs: 0, interactionsMs: [15_000, 30_000, 45_000], endMs: DURATION_MS },
  };
}

/** A photo-like start image, as the SDK would send it: a JPEG at the frame's size. */
function startImage(): Uint8Array {
  const canvas = createCanvas(1280, 704);
  const ctx = canvas.getContext("2d");
  const sky = ctx.createLinearGradient(0, 0, 0, 704);
  sky.addColorStop(0, "#0c4a6e");
  sky.addColorStop(1, "#fcd34d");
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, 1280, 704);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsl(${(i * 37) % 360}, 60%, ${30 + (i % 40)}%)`;
    ctx.fillRect((i * 97) % 1280, 300 + ((i * 53) % 404), 12 + (i % 30), 12 + (i % 20));
  }
  return canvas.toBuffer("image/jpeg");
}

interface Measured {
  label: string;
  frames: number;
  drawMs: number;
  ceilingMs?: number;
  renderMs: number;
  megabytes: number;
}

async function measure(label: string, input: RenderStreamInput, work: string, ceiling: boolean) {
  const spec = sceneSpecFor(input);
  const scene = await createScene(spec);
  // 1. Drawing alone: every frame assembled, as the renderer does, and dropped.
  let started = performance.now();
  for (let i = 0; i < spec.frameCount; i++) scene.frame(i);
  const drawMs = performance.now() - started;

  // 2. ffmpeg encoding the identical frames from memory, with the same settings and pipe
  // protocol: the ceiling this renderer can approach. Copying them in is not timed.
  let ceilingMs: number | undefined;
  if (ceiling) {
    const held: Buffer[] = [];
    for (let i = 0; i < spec.frameCount; i++) held.push(Buffer.from(rasterBytes(scene.frame(i))));
    started = performance.now();
    await encodeFrames({
      output: path.join(work, `ceiling-${label}.mp4`),
      width: spec.width,
      height: spec.height,
      frameCount: spec.frameCount,
      frame: (i) => held[i] as Buffer,
    });
    ceilingMs = performance.now() - started;
    held.length = 0;
  }

  // 3. The renderer end to end: drawing, encoding, thumbnail, preview, probe, events.
  started = performance.now();
  const result = await renderStream(input, path.join(work, `render-${label}`));
  const renderMs = performance.now() - started;
  return {
    label,
    frames: result.frameCount,
    drawMs,
    ...(ceilingMs !== undefined && { ceilingMs }),
    renderMs,
    megabytes: statSync(result.files.video).size / 1e6,
  } satisfies Measured;
}

function printTable(rows: Measured[]): void {
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i < 2 ? c.padEnd(24) : c.padStart(11))).join(""));
  line(["stream (60 s, 25 fps)", "stage", "seconds", "frames/s", "x realtime"]);
  for (const m of rows) {
    const stage = (name: string, ms: number) =>
      line([
        m.label,
        name,
        (ms / 1000).toFixed(2),
        (m.frames / (ms / 1000)).toFixed(0),
        (DURATION_MS / ms).toFixed(2),
      ]);
    stage("drawing only", m.drawMs);
    if (m.ceilingMs !== undefined) stage("ffmpeg only (ceiling)", m.ceilingMs);
    stage("renderer, end to end", m.renderMs);
    line([
      m.label,
      "drawing share",
      `${((m.drawMs / m.renderMs) * 100).toFixed(1)}%`,
      `${(m.drawMs / m.frames).toFixed(2)} ms/f`,
      `${m.megabytes.toFixed(1)} MB`,
    ]);
  }
}

/** p50/p99 of status polls on loopback while the engine renders a 60 s stream. */
async function pollLatencyDuringRender(): Promise<string> {
  const engine = await startEngine();
  try {
    const client = clientFor(engine.api);
    const login = await client.login("bench");
    const token = login.body.access_token as string | undefined;
    const created = await client.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: prompts[0] } },
        { timestamp_ms: DURATION_MS, end: {} },
      ],
      portrait: false,
      output_video: true,
    });
    const jobId = created.body.job_id as string | undefined;
    const forceHealth = process.env.BENCH_POLL_HEALTH === "1";
    if (created.status === 200 && jobId && token && !forceHealth) {
      await client.waitFor(jobId, (s) => s === "processing", 30_000);
      const result = await autocannon({
        url: `${engine.api}/simulation-jobs/${jobId}`,
        headers: { authorization: `Bearer ${token}` },
        connections: 4,
        duration: POLL_SECONDS,
      });
      const after = (await client.call("GET", `/simulation-jobs/${jobId}`)).body.status;
      return (
        `GET /api/simulation-jobs/{id} on the engine (job status ${String(after)} at the end; ` +
        `render in the engine's render process): ${describe(result)}`
      );
    }
    // The engine does not take jobs (or BENCH_POLL_HEALTH=1): render in a worker thread of
    // this process, beside the engine, and poll its health route instead.
    const worker = new Worker(
      // A worker thread does not inherit the --import tsx hooks, so it registers them itself.
      `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
        .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`,
      { eval: true, workerData: script(false) },
    );
    // Not once(worker, "exit"): that also rejects on a worker error, unhandled until awaited.
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    await once(worker, "message");
    const result = await autocannon({
      url: `${engine.api}/health`,
      connections: 4,
      duration: POLL_SECONDS,
    });
    worker.postMessage("stop");
    await exited;
    const why = forceHealth
      ? "BENCH_POLL_HEALTH=1"
      : `the engine refused the job (${created.status})`;
    return (
      `GET /api/health on the engine while a worker thread of the benchmark rendered ` +
      `(${why}): ${describe(result)}`
    );
  } finally {
    await engine.stop();
    rmSync(engine.dataDir, { recursive: true, force: true });
  }
}

function describe(result: autocannon.Result): string {
  return (
    `${result.requests.total} requests in ${POLL_SECONDS} s over 4 connections, ` +
    `${result.non2xx} not 2xx, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms ` +
    `(goal: p99 under 20 ms)`
  );
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), "simulate-bench-"));
  const started = performance.now();
  try {
    console.log(
      `Preview renderer benchmark: ${os.cpus().length} cores, load average ` +
        `${os.loadavg()[0]?.toFixed(2)} at start; x264 veryfast CRF 23, ${DURATION_MS / 1000} s ` +
        `streams with 3 interactions\n`,
    );
    const rows = [
      await measure("landscape 1280x704", script(false), work, true),
      await measure("portrait 704x1280", script(true), work, true),
      await measure("landscape, start image", script(false, startImage()), work, false),
    ];
    printTable(rows);
    for (const row of rows) {
      record({
        bench: "render",
        name: `Renderer speed, ${row.label} (times real time)`,
        value: DURATION_MS / row.renderMs,
        unit: "x",
        goal: { op: ">=", limit: 2 },
      });
      if (row.ceilingMs !== undefined) {
        record({
          bench: "render",
          name: `Renderer time / a bare draw-then-encode loop, ${row.label}`,
          value: row.renderMs / (row.drawMs + row.ceilingMs),
          unit: "x",
          note: "1.0 = no overhead of its own; keep it",
        });
      }
    }
    console.log(
      "\nGoal: the renderer at least 2x real time on 2 cores, drawing under 30% of its time." +
        "\nDrawing = assembling every frame's RGBA (keyframe resamples, caption blends, timecode)," +
        "\nmeasured alone; the renderer overlaps it with ffmpeg, so the shares are of its wall time.\n",
    );
    console.log(`Status polls while rendering: ${await pollLatencyDuringRender()}`);
    console.log(`\nBenchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMainThread) {
  await main();
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), "simulate-bench-worker-"));
  const controller = new AbortController();
  parentPort?.once("message", () => controller.abort());
  parentPort?.postMessage("started");
  try {
    await renderStream(workerData as RenderStreamInput, dir, { signal: controller.signal });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    parentPort?.close();
  }
}
