// `npm run screenshots`: the README's pictures of the studio, taken in the same Chromium the
// e2e tests drive, of the sample draft a first visit opens, so they show what a creator sees.
// It builds nothing: it starts the compiled engine (`npm run build` first) on a free port with
// an empty data folder, or uses a running studio given as SCREENSHOTS_URL.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { chooseChromium, chromiumExecutable, realProbe } from "./chromium.ts";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "docs", "screenshots");
const READY = /ready on (http:\/\/\S+?) \(API root/;

/** Starts `node build/server/main.js` on a port the OS picks; resolves with its address. */
function startEngine(): Promise<{ url: string; engine: ChildProcess; dataDir: string }> {
  const main = path.join(root, "build", "server", "main.js");
  if (!existsSync(main)) {
    throw new Error(`${path.relative(root, main)} is missing: run \`npm run build\` first.`);
  }
  // A fresh engine: no jobs but the one taken here, and nothing of the creator's own.
  const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-screenshots-"));
  const engine = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let said = "";
    engine.stdout!.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      const ready = READY.exec(said);
      if (ready) resolve({ url: ready[1]!, engine, dataDir });
    });
    engine.on("exit", (code) => reject(new Error(`the engine stopped (exit ${code}):\n${said}`)));
  });
}

/** A first visit at this size: the sample draft, its hint dismissed, its first start selected. */
async function openSample(browser: Browser, url: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: "Add stream" }).waitFor();
  await page
    .getByRole("region", { name: "Getting started" })
    .getByRole("button", { name: "Got it" })
    .click();
  await page
    .getByRole("region", { name: "Timeline" })
    .getByRole("button", { name: "start at 0.00 s", exact: true })
    .click();
  // The inspector's fields and image load when idle: wait for the image, not for a time.
  await page.getByRole("img", { name: "Start frame" }).waitFor();
  await page.mouse.move(0, 0);
  return page;
}

async function shoot(page: Page, name: string) {
  const file = path.join(outDir, name);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(root, file)}`);
}

async function main() {
  const given = process.env.SCREENSHOTS_URL?.replace(/\/$/, "");
  const started = given ? null : await startEngine();
  const url = given ?? started!.url;
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(chooseChromium(realProbe(() => chromium.executablePath()))),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"],
  });
  try {
    mkdirSync(outDir, { recursive: true });
    const small = await openSample(browser, url, 1024, 768);
    await shoot(small, "studio-1024x768.png");
    await small.context().close();

    const page = await openSample(browser, url, 1440, 900);
    await shoot(page, "studio-1440x900.png");

    // Then run the sample on the engine and show its job page as a phone shows it.
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByRole("button", { name: "View job" }).first().click();
    await page.waitForURL(/\/jobs\/[\w-]+$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText("Completed", { exact: true }).first().waitFor({ timeout: 180_000 });
    await page.getByLabel("Stream 1 video").waitFor();
    // The toasts of the submit and the finish would cover the page's header.
    // They slide as others leave, so press them where they are rather than by pointer.
    const close = page.getByRole("button", { name: "Close toast" });
    for (let left = 20; left > 0 && (await close.count()) > 0; left--) {
      await close.evaluateAll((buttons) =>
        buttons.forEach((button) => (button as HTMLElement).click()),
      );
      await page.waitForTimeout(500);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "jobs-390.png");
  } finally {
    await browser.close();
    if (started) {
      const stopped = new Promise((resolve) => started.engine.once("exit", resolve));
      started.engine.kill("SIGTERM");
      await stopped;
      rmSync(started.dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
