// The studio against a server shaped like Odyssey's cloud (the cloud stand-in: string
// priorities, extra fields, files on another origin without CORS, a quota), in Chromium: straight
// from the browser as a "Custom API root", and as "Odyssey cloud" through the studio server's
// relay with the key held by the server.
import { expect, type Page, test } from "./test";
import { readFileSync, writeFileSync } from "node:fs";
import { cloudFiles, cloudStandIn, cloudStudio } from "./engines";
import { importScript, mp4Duration, shortScript } from "./studio-helpers";

/** A 2 s stream with an interaction at 1 s: the stand-in's video is 2 s long. */
function scriptWithInteraction(outputPath: string, prompt: string): string {
  writeFileSync(
    outputPath,
    JSON.stringify([
      { timestamp_ms: 0, start: { prompt } },
      { timestamp_ms: 1000, interact: { prompt: "the fog lifts" } },
      { timestamp_ms: 2000, end: {} },
    ]),
  );
  return outputPath;
}

async function useCustomRoot(page: Page, base: string, key: string) {
  await page.goto(`${base}/settings`);
  await page.getByRole("radio", { name: "Custom API root" }).check();
  await page.getByLabel("API root", { exact: true }).fill(cloudStandIn);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected." })).toContainText(
    "The key was accepted (tokens last 60 min)",
  );
}

/** Submits from the studio, in-app (a reload would forget a key typed in Settings). */
async function submitFromStudio(page: Page, file: string) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Studio" })
    .click();
  await importScript(page, file);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
}

test("a Custom API root shaped like the cloud, straight from the browser", async ({
  page,
}, testInfo) => {
  await useCustomRoot(page, "", "ody_e2e_direct");
  await submitFromStudio(page, scriptWithInteraction(testInfo.outputPath("direct.json"), "A pier"));
  // The stand-in answers with priority "normal" and fields the SDK does not declare.
  const submitted = page.getByRole("listitem").filter({ hasText: "Job submitted" });
  await submitted.getByRole("button", { name: "View job" }).click();

  const player = page.getByRole("region", { name: "Stream 1" });
  const video = player.getByLabel("Stream 1 video");
  await expect(video).toHaveAttribute("src", new RegExp(`^${cloudFiles}/bucket/`), {
    timeout: 30_000,
  });
  // A <video> plays a file from an origin that sends no CORS headers (nothing loads before play).
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(2);

  // Without a relay, the page cannot read that file to save it: it opens it for the person.
  const tab = page.waitForEvent("popup");
  await player.getByRole("button", { name: "Download" }).click();
  expect((await tab).url()).toMatch(new RegExp(`^${cloudFiles}/bucket/.+/video\\.mp4\\?`));
  await expect(page.getByText("Opened the video in a new tab")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByRole("row", { name: /direct/ });
  await expect(row.getByText("Completed", { exact: true })).toBeVisible();
});

test("Odyssey cloud through the studio's relay, with the key held by the server", async ({
  page,
}, testInfo) => {
  await page.goto(`${cloudStudio}/settings`);
  await page.getByRole("radio", { name: "Odyssey cloud" }).check();
  await expect(page.getByText("the key is held by the studio's server")).toBeVisible();
  await expect(page.getByLabel("API key")).toHaveCount(0);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected." })).toContainText(
    `Reached ${cloudStudio}/relay.`,
  );

  await submitFromStudio(
    page,
    scriptWithInteraction(testInfo.outputPath("relayed.json"), "A mill"),
  );
  await expect(page.getByText("Job submitted")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByRole("row", { name: /relayed/ });
  await expect(row.getByText(/^(Pending|Dispatched|Processing)$/)).toBeVisible();
  await expect(row.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });

  await row.getByRole("link", { name: /relayed/ }).click();
  const player = page.getByRole("region", { name: "Stream 1" });
  const video = player.getByLabel("Stream 1 video");
  await expect(video).toHaveAttribute("src", new RegExp(`^${cloudFiles}/bucket/`));
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1);
  // The events file sends no CORS headers either: its markers come through the relay.
  await expect(
    player.getByRole("button", { name: "Interaction at 1.00 s: the fog lifts" }),
  ).toBeVisible();

  const download = page.waitForEvent("download");
  await player.getByRole("button", { name: "Download" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^simulate-[\w-]{8}-stream-1\.mp4$/);
  const saved = testInfo.outputPath("relayed.mp4");
  await file.saveAs(saved);
  expect(readFileSync(saved).subarray(4, 8).toString("latin1")).toBe("ftyp");
  expect(mp4Duration(saved)).toBeCloseTo(2, 1);
});

test("a cloud quota reached is said in words, with its numbers", async ({ page }, testInfo) => {
  await useCustomRoot(page, "", "ody_e2e_quota");
  await submitFromStudio(page, shortScript(testInfo.outputPath("quota.json"), "Rain"));
  const submit = page.getByRole("button", { name: "Submit", exact: true });
  // The stand-in allows three jobs a key; the fourth is refused with an object detail.
  for (let sent = 1; sent < 3; sent++) {
    await expect(page.getByText("Job submitted").first()).toBeVisible();
    await expect(submit).toHaveText("Submit");
    await submit.click();
  }
  await expect(submit).toHaveText("Submit");
  await submit.click();
  const refusal = page.getByRole("alert").filter({ hasText: "Not submitted." });
  await expect(refusal).toContainText(
    "Too many requests (429): Monthly simulation limit reached (3 of 3 used). " +
      "Upgrade your plan to run more simulations. Try again in 60 min.",
  );
  await expect(refusal).toContainText("Your draft is unchanged.");
});

test("a job the server created is followed even when its answer cannot be fully read", async ({
  page,
}, testInfo) => {
  await useCustomRoot(page, "", "ody_e2e_garbled");
  // The stand-in creates the job; its answer then reaches the page in a shape no schema reads,
  // with only the job's id intact, as a server a version ahead of the studio might send.
  await page.route(`${cloudStandIn}/simulation-jobs`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    const { job_id } = (await response.json()) as { job_id: string };
    return route.fulfill({ response, json: { job_id, status: 7, created_at: { at: "now" } } });
  });
  await submitFromStudio(page, shortScript(testInfo.outputPath("garbled.json"), "Snow"));
  await expect(page.getByText("Job submitted")).toBeVisible();
  await expect(page.getByText("Part of the server's answer could not be read")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Not submitted." })).toHaveCount(0);

  // Recorded as submitted from here: the Jobs page names it after its draft and follows it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByRole("row", { name: /garbled/ });
  await expect(row.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole("button", { name: "Open script" })).toBeEnabled();
});
