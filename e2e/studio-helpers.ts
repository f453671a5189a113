// What several e2e specs do the same way: open the studio, import a script, submit it and
// follow it to its job, and read a downloaded MP4.
import ffmpeg from "@ffmpeg-installer/ffmpeg";
import { expect, type JSHandle, type Locator, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A 1.2 s one-stream script, quick to render. */
/** Two streams back to back, `seconds` long each, with these prompts; gives the file's path. */
export function twoStreamScript(
  outputPath: string,
  seconds: number,
  [first, second]: readonly [string, string],
): string {
  const ms = seconds * 1000;
  writeFileSync(
    outputPath,
    JSON.stringify([
      { timestamp_ms: 0, start: { prompt: first } },
      { timestamp_ms: ms, end: {} },
      { timestamp_ms: ms, start: { prompt: second } },
      { timestamp_ms: 2 * ms, end: {} },
    ]),
  );
  return outputPath;
}

export function shortScript(outputPath: string, prompt = "A lighthouse in fog"): string {
  writeFileSync(
    outputPath,
    JSON.stringify([
      { timestamp_ms: 0, start: { prompt } },
      { timestamp_ms: 1200, end: {} },
    ]),
  );
  return outputPath;
}

export async function openStudio(page: Page, base = "") {
  await page.goto(`${base}/`);
  await expect(page.getByRole("button", { name: "Add stream" })).toBeEnabled();
}

export async function importScript(page: Page, file: string) {
  await page.getByLabel("Import script").setInputFiles(file);
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeEnabled();
}

/** The id of the next job the page creates, once the server has answered. */
export async function nextJobId(page: Page): Promise<string> {
  const created = await page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && /\/simulation-jobs$/.test(response.url()),
  );
  return ((await created.json()) as { job_id: string }).job_id;
}

/**
 * A job's one toast, whatever it says by now ("Job submitted", its progress, its result): each
 * of those names the job.
 */
export function jobToast(page: Page, jobId: string): Locator {
  return page.getByRole("listitem").filter({ hasText: `Job ${jobId.slice(0, 8)}` });
}

/** Submits the open draft and follows the toast to its job. */
export async function submitAndOpenJob(page: Page): Promise<string> {
  const jobId = nextJobId(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await jobToast(page, await jobId)
    .getByRole("button", { name: "View job" })
    .click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
  return page.url().split("/").pop() as string;
}

export function mp4Duration(file: string): number {
  let output = "";
  try {
    execFileSync(ffmpeg.path, ["-hide_banner", "-i", file], { stdio: "pipe" });
  } catch (error) {
    // ffmpeg -i with no output file exits 1 after printing what it found.
    output = String((error as { stderr: Buffer }).stderr);
  }
  const match = /Duration: (\d+):(\d+):([\d.]+)/.exec(output);
  if (!match) throw new Error(`no duration in:\n${output}`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** A file under e2e/fixtures. */
export const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

/** A timeline entry by its accessible name, e.g. "interaction at 3.00 s". */
export function entry(page: Page, name: string): Locator {
  return page.getByRole("region", { name: "Timeline" }).getByRole("button", { name, exact: true });
}

/** The times of the script the timeline converts to, in order. */
export async function scriptTimes(page: Page): Promise<number[]> {
  const text = await page.getByRole("textbox", { name: "The script as JSON" }).inputValue();
  return (JSON.parse(text) as { timestamp_ms: number }[]).map((e) => e.timestamp_ms);
}

/**
 * Waits until entries can be dragged: dnd-kit arrives when the browser is first idle, and a
 * press before then only selects (the timeline's data-drag-ready says it has arrived).
 */
export async function dragReady(page: Page) {
  await expect(page.getByRole("region", { name: "Timeline" })).toHaveAttribute(
    "data-drag-ready",
    "",
  );
}

/** Drags an element's centre by dx pixels in two pointer steps; alt holds Alt (ripple) throughout. */
export async function dragBy(
  page: Page,
  target: Locator,
  dx: number,
  options: { alt?: boolean } = {},
) {
  await dragReady(page);
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (options.alt) await page.keyboard.down("Alt");
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 5 });
  await page.mouse.move(x + dx, y, { steps: 5 });
  await page.mouse.up();
  if (options.alt) await page.keyboard.up("Alt");
}

/**
 * A DataTransfer in the page holding one file, as a drag from the desktop carries it, to
 * dispatch with dragenter / dragover / drop. `content` is text, or a fixture's bytes by name.
 */
export async function fileTransfer(
  page: Page,
  file: { name: string; type: string } & ({ text: string } | { fixture: string }),
): Promise<JSHandle<DataTransfer>> {
  const base64 = (
    "fixture" in file ? readFileSync(fixture(file.fixture)) : Buffer.from(file.text)
  ).toString("base64");
  return page.evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { base64, name: file.name, type: file.type },
  );
}
