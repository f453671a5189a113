// npm run bench:render: how fast the preview renderer is, against the ceiling of encoding
// alone, and how quickly the engine answers status polls while it renders.
// Prints figures; asserts nothing (speed goals are read by people, not tests).
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { clientFor, startEngine } from "../server/test/engine-process";
import {
  encodeFrames,
  frameCountFor,
  frameSizeFor,
  renderStream,
} from "../server/render/render-stream";
import { RENDER_PROCESS_ENV } from "../server/render/process-env";
import { createScene } from "../server/render/scene";

// Measure the renderer as the engine runs it: in a process started with the render
// environment (glibc settings read at start-up), so re-run this script in one if needed.
if (Object.entries(RENDER_PROCESS_ENV).some(([name, value]) => process.env[name] !== value)) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, ...RENDER_PROCESS_ENV },
  });
  process.exit(child.status ?? 1);
}

const DURATION_MS = 60_000;
const prompts = [
  "A lighthouse on a cliff at dusk, waves crashing below",
  "a storm rolls in from the sea",
  "lightning strikes the water",
  "the clouds part and stars come out",
];
const interactions = prompts.slice(1).map((prompt, i) => ({ offsetMs: (i + 1) * 15_000, prompt }));
const work = mkdtempSync(path.join(tmpdir(), "simulate-bench-"));

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const row = (cells: (string | number)[]) =>
  console.log(cells.map((c) => String(c).padEnd(22)).join(""));

async function measure(portrait: boolean) {
  const { width, height } = frameSizeFor(portrait);
  const total = frameCountFor(DURATION_MS);
  const cues = [
    { fromMs: 0, prompt: prompts[0] as string },
    ...interactions.map((i) => ({ fromMs: i.offsetMs, prompt: i.prompt })),
  ];

  // 1. Drawing alone (each frame's pixels read out, as the renderer does, then dropped).
  const scene = await createScene({
    width,
    height,
    durationMs: DURATION_MS,
    streamNumber: 1,
    cues,
    seedText: prompts[0] as string,
  });
  let started = performance.now();
  for (let i = 0; i < total; i++) scene.frame(i * 40);
  const drawMs = performance.now() - started;

  // The same frames kept in memory, untimed: holding 5 GB of frames costs page faults that
  // are no part of drawing.
  const frames: Buffer[] = [];
  for (let i = 0; i < total; i++) frames.push(scene.frame(i * 40));

  // 2. ffmpeg encoding the identical frames from memory: the ceiling for this renderer.
  started = performance.now();
  await encodeFrames({
    output: path.join(work, `ceiling-${portrait}.mp4`),
    width,
    height,
    total,
    draw: (i) => frames[i] as Buffer,
  });
  const encodeMs = performance.now() - started;
  frames.length = 0;

  // 3. The renderer, end to end: drawing, encoding, thumbnail, preview, events, probe.
  started = performance.now();
  await renderStream(
    {
      streamId: "bench",
      streamNumber: 1,
      portrait,
      durationMs: DURATION_MS,
      start: { prompt: prompts[0] as string },
      interactions,
    },
    path.join(work, `render-${portrait}`),
  );
  const renderMs = performance.now() - started;
  return {
    label: portrait ? "portrait 704x1280" : "landscape 1280x704",
    total,
    drawMs,
    encodeMs,
    renderMs,
  };
}

async function pollLatencyDuringRender() {
  const engine = await startEngine();
  try {
    const client = clientFor(engine.api);
    const login = await client.login("bench");
    const created = await client.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: prompts[0] } },
        { timestamp_ms: DURATION_MS, end: {} },
      ],
      portrait: false,
    });
    const jobId = created.body.job_id as string;
    await client.waitFor(jobId, (s) => s === "processing");
    const result = await autocannon({
      url: `${engine.api}/simulation-jobs/${jobId}`,
      headers: { authorization: `Bearer ${login.body.access_token as string}` },
      connections: 4,
      duration: 8,
    });
    const status = (await client.call("GET", `/simulation-jobs/${jobId}`)).body.status as string;
    return {
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      status,
    };
  } finally {
    await engine.stop();
    rmSync(engine.dataDir, { recursive: true, force: true });
  }
}

try {
  console.log(
    `Preview renderer: a ${DURATION_MS / 1000} s stream with ${interactions.length} interactions, 25 fps\n`,
  );
  row(["orientation", "stage", "time (s)", "frames/s", "x real time"]);
  for (const portrait of [false, true]) {
    const m = await measure(portrait);
    const media = DURATION_MS;
    for (const [stage, ms] of [
      ["drawing only", m.drawMs],
      ["ffmpeg only (ceiling)", m.encodeMs],
      ["renderer, end to end", m.renderMs],
    ] as const) {
      row([
        m.label,
        stage,
        seconds(ms),
        (m.total / (ms / 1000)).toFixed(1),
        (media / ms).toFixed(2),
      ]);
    }
    row([
      m.label,
      "drawing share",
      "",
      "",
      `${((m.drawMs / m.renderMs) * 100).toFixed(0)}% of total`,
    ]);
    console.log("");
  }
  console.log("Goal: at least 2x real time on 2 cores; drawing under 30% of the total.\n");

  const poll = await pollLatencyDuringRender();
  console.log(
    `Status polls during a render (autocannon, 4 connections, 8 s, job ${poll.status} throughout): ` +
      `${poll.requests} requests, p50 ${poll.p50} ms, p99 ${poll.p99} ms (goal: p99 under 20 ms)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
