// A job submitted from the studio has one toast, from "Job submitted" through its render
// progress to "Your videos are ready", updated in place, against the real local engine.
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import {
  importScript,
  jobToast as toastOf,
  nextJobId,
  openStudio,
  twoStreamScript,
} from "./studio-helpers";

const toasts = (page: Page) =>
  page.getByRole("region", { name: /Notifications/ }).getByRole("listitem");

/** Two 15 s streams: long enough to watch the render move on, short enough to wait for. */
const twoLongStreams = (file: string) =>
  twoStreamScript(file, 15, ["A slow pan over a harbour", "A long drive at dawn"]);

/** Submits the open draft; the new job's id. */
async function submit(page: Page): Promise<string> {
  const jobId = nextJobId(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  return jobId;
}

test("a submitted job's one toast shows its progress in place until its videos are ready", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await openStudio(page);
  await importScript(page, twoLongStreams(testInfo.outputPath("harbour.json")));
  const jobId = await submit(page);
  const jobToast = toastOf(page, jobId);
  await expect(jobToast).toContainText("Job submitted");
  // The element itself, to tell an update in place from a new toast.
  const element = await jobToast.elementHandle();
  const text = () => element!.evaluate((toast) => toast.textContent ?? "");

  // Streams done of total, the job's percentage and each stream's, in the same toast.
  await expect
    .poll(text, { timeout: 60_000 })
    .toMatch(/is rendering: [01] of 2 streams · \d+ %.* Stream 1: \d+ %, Stream 2: \d+ %\./);
  const first = await text();
  await expect.poll(text, { timeout: 60_000 }).not.toBe(first);
  await expect(jobToast).toHaveCount(1);
  expect(await element!.evaluate((toast) => toast.isConnected)).toBe(true);
  // Still the toast of the submission, with its way to the job.
  expect(await text()).toContain("Job submitted");
  await expect(jobToast.getByRole("button", { name: "View job" })).toBeVisible();
  // It stays away from the control that raised it.
  const box = (await jobToast.boundingBox())!;
  const submitBox = (await page
    .getByRole("button", { name: "Submit", exact: true })
    .boundingBox())!;
  expect(box.y + box.height <= submitBox.y || submitBox.y + submitBox.height <= box.y).toBe(true);

  // The same toast ends it.
  await expect.poll(text, { timeout: 240_000 }).toContain("Your 2 videos are ready");
  expect(await element!.evaluate((toast) => toast.isConnected)).toBe(true);
  await expect(toasts(page)).toHaveCount(1);
  await jobToast.getByRole("button", { name: "View job" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}$`));
});

test("a progress toast closed by the creator stays closed; the result still shows", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await openStudio(page);
  await importScript(page, twoLongStreams(testInfo.outputPath("drive.json")));
  const jobId = await submit(page);
  const jobToast = toastOf(page, jobId);
  await expect(jobToast).toContainText("is rendering", { timeout: 60_000 });
  await jobToast.getByRole("button", { name: "Close toast" }).click();
  await expect(jobToast).toHaveCount(0);

  // Two more answers saying the job is still rendering, and no toast came back for them.
  for (let i = 0; i < 2; i++) {
    await page.waitForResponse(
      async (response) =>
        response.url().endsWith(`/simulation-jobs/${jobId}`) &&
        ((await response.json()) as { status: string }).status === "processing",
      { timeout: 30_000 },
    );
  }
  await expect(jobToast).toHaveCount(0);

  await expect(toasts(page).filter({ hasText: "Your 2 videos are ready" })).toBeVisible({
    timeout: 240_000,
  });
});
