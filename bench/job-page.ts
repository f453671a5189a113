// npm run bench:job-page: how fast a finished job of 250 streams opens in the studio (the
// production build, served by the engine), in Chromium. Prints figures next to their goals and
// asserts nothing: speed goals are read by people.
//   - time to the first player: from navigation start until Stream 1's <video> is in the page
//     and its poster (the recording's first frame) has arrived, so the creator sees the take
//     and can press play; players load no video before play (preload="none")
//   - how many <video> elements, and requests for video files, the page makes in its first 3 s
import { chromium } from "@playwright/test";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chooseChromium, chromiumExecutable, realProbe } from "../scripts/chromium";
import { clientFor, removeDataDir } from "../server/test/engine-process";
import { machine } from "./engine-figures";
import { record } from "./figures";

const ROOT = path.resolve(import.meta.dirname, "..");
const STREAMS = Number(process.env.BENCH_STREAMS ?? 250);
const RUNS = 5;
const GOAL_MS = 1000;
const studioDir = path.resolve(ROOT, process.env.STUDIO_DIR || "dist");
// The key this browser would have made for the local engine, so the studio sees the job.
const localKey = `local-${randomBytes(16).toString("hex")}`;

async function startStudioServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  // The compiled server, as `npm start` runs it (npm run build made it with the studio).
  const child = spawn(process.execPath, ["build/server/main.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      STUDIO_DIR: studioDir,
      ENGINE_WORKERS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on (http:\/\/[^\s]+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

function manyStreams(count: number) {
  return Array.from({ length: count }, (_, i) => [
    { timestamp_ms: i * 1500, start: { prompt: `Shot ${i + 1}: a lighthouse in fog` } },
    { timestamp_ms: i * 1500 + 1000, end: {} },
  ]).flat();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

async function main() {
  if (!existsSync(path.join(studioDir, "index.html"))) {
    throw new Error(`No studio build in ${studioDir}: run "npm run build" first.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-bench-job-page-"));
  const server = await startStudioServer(dataDir);
  try {
    const client = clientFor(`${server.url}/api`);
    await client.login(localKey);
    const renderStarted = Date.now();
    const created = await client.call("POST", "/simulation-jobs", {
      script: manyStreams(STREAMS),
    });
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    const jobId = created.body.job_id as string;
    process.stdout.write(`Rendering a job of ${STREAMS} one-second streams… `);
    const job = await client.waitFor(jobId, (s) => s === "completed" || s === "failed", 1_800_000);
    if (job.status !== "completed") throw new Error(`the job ${job.status}`);
    console.log(`${((Date.now() - renderStarted) / 1000).toFixed(0)} s`);

    const browser = await chromium.launch({
      executablePath: chromiumExecutable(
        chooseChromium(realProbe(() => chromium.executablePath())),
      ),
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    try {
      const firstMounted: number[] = [];
      const firstPlayer: number[] = [];
      const videosAt3s: number[] = [];
      const videoRequests: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await context.addInitScript((key) => {
          localStorage.setItem("simulate-studio.local-engine-key", key);
          localStorage.setItem("simulate-studio:first-run", "done");
          localStorage.setItem("simulate-studio:hint", "dismissed");
          // No named functions in here: tsx would wrap them in a helper the page lacks.
          // On the page's own clock (from navigation start): when Stream 1's <video> enters
          // the page, and when its poster has arrived (a poster attribute fires no event, so
          // the resource timing of its URL says when).
          const marks: { mounted?: number; ready?: number } = {};
          (window as unknown as { marks: typeof marks }).marks = marks;
          const arrived = new Map<string, number>();
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              arrived.set(entry.name, (entry as PerformanceResourceTiming).responseEnd);
            }
          }).observe({ type: "resource", buffered: true });
          new MutationObserver((_, observer) => {
            if (document.querySelector('video[aria-label="Stream 1 video"]')) {
              marks.mounted = performance.now();
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
          const timer = setInterval(() => {
            const video = document.querySelector<HTMLVideoElement>(
              'video[aria-label="Stream 1 video"]',
            );
            const poster = video?.poster ? arrived.get(video.poster) : undefined;
            if (marks.mounted === undefined || poster === undefined) return;
            marks.ready = Math.max(marks.mounted, poster);
            clearInterval(timer);
          }, 5);
        }, localKey);
        const page = await context.newPage();
        let requests = 0;
        page.on("request", (request) => {
          if (/\/artifacts\/[^/]+\/video\b/.test(request.url())) requests += 1;
        });
        await page.goto(`${server.url}/jobs/${jobId}`);
        await page.getByLabel("Stream 1 video").waitFor({ timeout: 60_000 });
        // Run in the page: it may name nothing from here.
        await page.waitForFunction(() => "ready" in (window as unknown as { marks: object }).marks);
        const marks = await page.evaluate(
          () => (window as unknown as { marks: { mounted: number; ready: number } }).marks,
        );
        firstMounted.push(marks.mounted);
        firstPlayer.push(marks.ready);
        await page.waitForTimeout(3000);
        videosAt3s.push(await page.locator("video").count());
        videoRequests.push(requests);
        await context.close();
      }
      console.log(`\nJob page, ${STREAMS} streams, ${RUNS} loads (${machine()})`);
      const figure = (values: number[]) =>
        `median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
      console.log(
        `  first player ready (in the page, poster shown)   ${figure(firstPlayer)}   (goal < ${GOAL_MS} ms)`,
      );
      console.log(`  first player in the page                        ${figure(firstMounted)}`);
      console.log(
        `  <video> elements after 3 s                      ${median(videosAt3s)} of ${STREAMS}   (goal: only those near the screen)`,
      );
      console.log(`  video file requests in 3 s                      ${median(videoRequests)}`);
      record({
        bench: "job-page",
        name: `Job page of ${STREAMS} streams: first player ready (median of ${RUNS})`,
        value: median(firstPlayer),
        unit: "ms",
        goal: { op: "<", limit: GOAL_MS },
      });
      record({
        bench: "job-page",
        name: `Job page of ${STREAMS} streams: video files fetched in 3 s without play`,
        value: median(videoRequests),
        unit: "",
        goal: { op: "<=", limit: 0 },
      });
    } finally {
      await browser.close();
    }
  } finally {
    server.child.kill("SIGTERM");
    removeDataDir(dataDir);
  }
}

await main();
