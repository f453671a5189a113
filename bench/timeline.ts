// npm run bench:timeline: how the timeline editor holds up with a 1,000-entry script, in
// Chromium. Prints figures; asserts nothing (speed goals are read by people, not tests).
//   1. Loading and validating the script (parse, validateScript, conversion, problem pinning),
//      run in the page through Vite's module graph so it is the browser's engine that runs it.
//   2. Importing it into the editor until the last entry is on screen (production build).
//   3. Dragging an entry across the timeline with the mouse: frame intervals and the work in
//      each frame (rAF to the task after rendering), and long tasks from PerformanceObserver.
import { chromium, type Page } from "@playwright/test";
import { existsSync } from "node:fs";
import path from "node:path";
import { createServer, preview } from "vite";
import type * as ScriptIo from "../src/features/timeline/adapters/script-io";
import type * as Convert from "../src/features/timeline/model/convert";
import type * as Problems from "../src/features/timeline/model/problems";

const ROOT = path.resolve(import.meta.dirname, "..");
const CLIPS = 250; // 250 x (start + 2 interactions + end) = 1,000 entries

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

function makeScript() {
  const script: object[] = [];
  for (let i = 0; i < CLIPS; i++) {
    const t = i * 6000;
    script.push({
      timestamp_ms: t,
      start: { prompt: `Scene ${i + 1}: a city street in the rain` },
    });
    script.push({ timestamp_ms: t + 1500, interact: { prompt: "the lights flicker" } });
    script.push({ timestamp_ms: t + 3000, interact: { prompt: "a car drives past" } });
    script.push({ timestamp_ms: t + 5000, end: {} });
  }
  return script;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function benchLoad(page: Page, url: string, text: string) {
  await page.goto(url);
  return page.evaluate(async (json) => {
    // Served by Vite's dev server from the page's origin; typed from the same files.
    const load = <T>(file: string) => import(/* @vite-ignore */ file) as Promise<T>;
    const io = await load<typeof ScriptIo>("/src/features/timeline/adapters/script-io.ts");
    const convert = await load<typeof Convert>("/src/features/timeline/model/convert.ts");
    const problems = await load<typeof Problems>("/src/features/timeline/model/problems.ts");
    const runs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      const parsed = io.parseScriptText(json);
      if (!parsed.ok) throw new Error(parsed.message);
      const timeline = convert.scriptToTimeline(parsed.script, { portrait: false });
      const check = problems.checkTimeline(timeline);
      if (check.problems.length > 0) throw new Error(check.problems[0]?.message);
      runs.push(performance.now() - started);
    }
    return runs;
  }, text);
}

async function benchEditor(page: Page, url: string, text: string) {
  await page.goto(url);
  await page.getByRole("button", { name: "Add stream" }).waitFor();

  const importMs = await page.evaluate(async (json) => {
    const input = document.querySelector<HTMLInputElement>("input[type=file][accept*=json]");
    if (!input) throw new Error("no import input");
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], "bench.json", { type: "application/json" }));
    input.files = transfer.files;
    const started = performance.now();
    input.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => {
        const timeline = document.querySelector('[aria-label="Timeline"]');
        if (timeline?.textContent?.includes("250 streams, ending at 1499.00 s")) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    // Until the frame with the entries has been painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  }, text);

  const marker = page
    .getByRole("region", { name: "Timeline" })
    .getByRole("button", { name: "interaction at 1.50 s", exact: true });
  await marker.scrollIntoViewIfNeeded();
  const box = await marker.boundingBox();
  if (!box) throw new Error("marker not visible");

  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const intervals: number[] = [];
    const work: number[] = [];
    const longTasks: number[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
    let last = 0;
    const channel = new MessageChannel();
    let frameStart = 0;
    channel.port1.onmessage = () => work.push(performance.now() - frameStart);
    const loop = (now: number) => {
      if (w.__stop) return;
      if (last) intervals.push(now - last);
      last = now;
      frameStart = performance.now();
      // Runs as the first task after this frame's style, layout and paint.
      channel.port2.postMessage(0);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    w.__frames = { intervals, work, longTasks };
  });

  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Back and forth inside the first stream: about two seconds of pointer moves.
  for (let i = 0; i < 240; i++) {
    const dx = Math.round(Math.sin(i / 20) * 100) + 6;
    await page.mouse.move(x + dx, y);
  }
  await page.mouse.up();
  await page.waitForTimeout(200);

  const frames = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__stop = true;
    return w.__frames as { intervals: number[]; work: number[]; longTasks: number[] };
  });
  return { importMs, ...frames };
}

async function main() {
  const script = makeScript();
  const text = `${JSON.stringify(script, null, 2)}\n`;
  if (!existsSync(path.join(ROOT, "dist/index.html"))) {
    console.error("Run `npm run build` first: the drag benchmark uses the production build.");
    process.exit(1);
  }

  const dev = await createServer({
    root: ROOT,
    logLevel: "silent",
    server: { port: 0, host: "127.0.0.1" },
  });
  await dev.listen();
  const prod = await preview({
    root: ROOT,
    logLevel: "silent",
    preview: { port: 0, host: "127.0.0.1" },
  });
  const devUrl = dev.resolvedUrls?.local[0] ?? "";
  const prodUrl = prod.resolvedUrls?.local[0] ?? "";

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // tsx keeps function names with an `__name` helper the page does not have.
    await context.addInitScript("window.__name = (fn) => fn");
    const page = await context.newPage();

    console.log(
      `Timeline editor, ${script.length} entries (${CLIPS} streams), Chromium ${browser.version()}\n`,
    );

    const loads = await benchLoad(page, devUrl, text);
    const warm = loads.slice(5);
    console.log("Load + validate (parse JSON, validateScript, to timeline, pin problems)");
    console.log(
      `  first run ${ms(loads[0] ?? NaN)}, median ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}   goal < 50 ms`,
    );

    const page2 = await context.newPage();
    const frames = await benchEditor(page2, prodUrl, text);
    const { importMs, intervals, work, longTasks } = frames;
    const dropped = intervals.filter((d) => d > 16.7 * 1.5).length;
    console.log(`\nImport into the editor until the timeline shows it (production build)`);
    console.log(`  ${ms(importMs)}`);
    console.log(`\nDragging an interaction with the mouse (${intervals.length} frames)`);
    console.log(
      `  frame interval  p50 ${ms(percentile(intervals, 50))}  p95 ${ms(percentile(intervals, 95))}  max ${ms(Math.max(...intervals))}  dropped ${dropped}`,
    );
    console.log(
      `  frame work      p50 ${ms(percentile(work, 50))}  p95 ${ms(percentile(work, 95))}  max ${ms(Math.max(...work))}   goal p95 < 16.7 ms`,
    );
    console.log(
      `  long tasks > 50 ms during the drag: ${longTasks.length}${longTasks.length ? ` (longest ${ms(Math.max(...longTasks))})` : ""}   goal 0`,
    );
  } finally {
    await browser.close();
    await dev.close();
    await new Promise<void>((resolve) => prod.httpServer.close(() => resolve()));
  }
}

await main();
