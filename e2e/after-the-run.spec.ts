// After the run: "Download all" as one ZIP, Compare playing a job's takes in sync, the
// recordings and jobs lists with thumbnails and links, and all of it on a 390 px phone.
import { unzipSync } from "fflate";
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { fixture, importScript, openStudio, submitAndOpenJob } from "./studio-helpers";

/** Submits the two-stream fixture (9 s and 3 s, an interaction at 3 s) and waits for its videos. */
async function finishedTwoStreamJob(page: Page): Promise<string> {
  await openStudio(page);
  await importScript(page, fixture("two-streams.json"));
  const jobId = await submitAndOpenJob(page);
  await expect(
    page.getByRole("region", { name: "Stream 2" }).getByLabel("Stream 2 video"),
  ).toBeVisible({
    timeout: 90_000,
  });
  return jobId;
}

/** A ZIP's entries, each checked to be what its name says. */
function zipNames(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith(".mp4"))
      expect(Buffer.from(content.subarray(4, 8)).toString("latin1")).toBe("ftyp");
    if (name.endsWith(".json"))
      expect(() => JSON.parse(Buffer.from(content).toString("utf8"))).not.toThrow();
  }
  return Object.keys(files).sort();
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("Download all saves one ZIP of every stream's video, to a picked file or as a download", async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const jobId = await finishedTwoStreamJob(page);
  const prefix = `simulate-${jobId.slice(0, 8)}`;
  const expected = [
    `${prefix}-stream-1-events.json`,
    `${prefix}-stream-1.mp4`,
    `${prefix}-stream-2-events.json`,
    `${prefix}-stream-2.mp4`,
  ];
  const downloadAll = page.getByRole("button", { name: "Download all" });

  // Where the browser has no file picker, the archive is saved as an ordinary download.
  await page.evaluate(() =>
    Object.defineProperty(window, "showSaveFilePicker", { value: undefined, configurable: true }),
  );
  const download = page.waitForEvent("download");
  await downloadAll.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${prefix}.zip`);
  const saved = testInfo.outputPath("all.zip");
  await file.saveAs(saved);
  expect(zipNames(readFileSync(saved))).toEqual(expected);
  // Its toast gone first, so the next one seen is the next archive's.
  await expect(page.getByText(`Saved ${prefix}.zip`)).toBeVisible();
  await expect(page.getByText(`Saved ${prefix}.zip`)).toHaveCount(0);

  // Where it has one, the archive streams into the file the person picked: here a file in the
  // origin's private file system, which is a real writable file without a dialog to answer.
  await page.evaluate(() =>
    Object.defineProperty(window, "showSaveFilePicker", {
      configurable: true,
      value: async ({ suggestedName }: { suggestedName: string }) =>
        (await navigator.storage.getDirectory()).getFileHandle(`picked-${suggestedName}`, {
          create: true,
        }),
    }),
  );
  await downloadAll.click();
  await expect(page.getByText(`Saved ${prefix}.zip`)).toBeVisible();
  const picked = await page.evaluate(async (name) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle(name);
    const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    let text = "";
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  }, `picked-${prefix}.zip`);
  expect(zipNames(Buffer.from(picked, "base64"))).toEqual(expected);
});

test("Compare plays a job's takes in sync, with one scrubber and their markers, on a phone too", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const jobId = await finishedTwoStreamJob(page);
  await page.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/jobs\/compare\?streams=/);

  const compare = page.getByRole("region", { name: "Compare" });
  const first = compare.getByRole("region", { name: "Stream 1" }).getByLabel("Stream 1 video");
  const second = compare.getByRole("region", { name: "Stream 2" }).getByLabel("Stream 2 video");
  const times = () =>
    page.evaluate(() => [...document.querySelectorAll("video")].map((video) => video.currentTime));

  await compare.getByRole("button", { name: "Play" }).click();
  await expect(compare.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(async () => (await times())[0]).toBeGreaterThan(1);
  const [a, b] = await times();
  expect(Math.abs((a as number) - (b as number))).toBeLessThan(0.25);
  expect(await first.evaluate((video: HTMLVideoElement) => video.paused)).toBe(false);
  expect(await second.evaluate((video: HTMLVideoElement) => video.paused)).toBe(false);
  await compare.getByRole("button", { name: "Pause" }).click();

  // One scrubber moves both; the 3 s take holds its last frame when the clock is past it.
  const seek = compare.getByRole("slider", { name: "Seek" });
  const box = (await seek.boundingBox())!;
  await seek.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect.poll(async () => (await times())[0]).toBeGreaterThan(4);
  expect((await times())[0]).toBeLessThan(5);
  await expect.poll(async () => (await times())[1]).toBeGreaterThan(2.9);

  // Each take's markers are on its own lane; one seeks every take to its frame.
  const lightning = compare
    .getByRole("group", { name: "Stream 1 markers" })
    .getByRole("button", { name: /^Stream 1: Interaction at 3\.00 s: Lightning flashes/ });
  await lightning.click();
  await expect(compare.getByRole("region", { name: "Stream 1" })).toContainText(
    "On screen: Lightning flashes across the sky",
  );
  await expect.poll(async () => (await times())[0]).toBeCloseTo(3, 0);
  await expect(
    compare.getByRole("group", { name: "Stream 2 markers" }).getByRole("button", {
      name: /^Stream 2: Start at 0\.00 s: A quiet desert/,
    }),
  ).toBeVisible();

  // On a 390 px phone, neither the compare view, the job page nor the jobs list scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noSidewaysScroll(page)).toBe(true);
  await page.goto(`/jobs/${jobId}`);
  const download = page
    .getByRole("region", { name: "Stream 1" })
    .getByRole("button", { name: "Download", exact: true });
  await expect(download).toBeVisible();
  expect(await noSidewaysScroll(page)).toBe(true);
  // The button's label fits inside it and the button inside the screen.
  expect(await download.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
  expect(
    (await download.boundingBox())!.x + (await download.boundingBox())!.width,
  ).toBeLessThanOrEqual(390);
  await expect(page.getByRole("button", { name: "Download all" })).toBeInViewport();
  await page.goto("/jobs");
  await expect(page.getByRole("table", { name: "Jobs, newest first" })).toBeVisible();
  expect(await noSidewaysScroll(page)).toBe(true);
});

test("Recordings show each take's thumbnail, date, length and job, and pick takes to compare", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const jobId = await finishedTwoStreamJob(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const jobRow = page.getByRole("row", { name: /two-streams/ });
  const jobThumbnail = jobRow.getByRole("img", { name: /^First frame of two-streams/ });
  await expect(jobThumbnail).toBeVisible();
  await expect
    .poll(() => jobThumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);

  await page
    .getByRole("navigation", { name: "Jobs views" })
    .getByRole("link", { name: "Recordings" })
    .click();
  const table = page.getByRole("table", { name: "Recordings, most recent first" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("checkbox") });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    const image = row.getByRole("img", { name: /^First frame of two-streams/ });
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBeGreaterThan(0);
    await expect(row.getByRole("link", { name: `Job ${jobId.slice(0, 8)}` })).toBeVisible();
    await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  }
  await expect(table.getByRole("cell", { name: "9 s", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: "3 s", exact: true })).toBeVisible();

  // A recording's own page links back to its job too.
  await table
    .getByRole("link", { name: /^two-streams · / })
    .first()
    .click();
  // Wait for the recording's page (loaded on first visit) before looking for its link: the list
  // behind it has "Job …" links of its own.
  await expect(page).toHaveURL(/\/jobs\/recordings\/[^/]+$/);
  await expect(
    page.getByRole("link", { name: `job ${jobId.slice(0, 8)}`, exact: true }),
  ).toBeVisible();
  await page.goBack();

  const compare = page.getByRole("button", { name: "Compare picked" });
  await expect(compare).toBeDisabled();
  for (const box of await table.getByRole("checkbox").all()) await box.check();
  await compare.click();
  await expect(page).toHaveURL(/\/jobs\/compare\?streams=/);
  await expect(page.getByRole("region", { name: "Compare" }).getByRole("region")).toHaveCount(2);

  await page.goBack();
  // On a phone the table scrolls within itself; the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(table).toBeVisible();
  expect(await noSidewaysScroll(page)).toBe(true);
  await table
    .getByRole("link", { name: `Job ${jobId.slice(0, 8)}` })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}$`));
});

test("Compare plays three takes side by side, in sync, under one scrubber", async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  // Three 6 s takes of one scene, as a creator would try variants: long enough to still be
  // playing when looked at on a busy machine.
  const file = testInfo.outputPath("three-takes.json");
  writeFileSync(
    file,
    JSON.stringify(
      [1, 2, 3].flatMap((take) => [
        { timestamp_ms: (take - 1) * 6000, start: { prompt: `A lighthouse in fog, take ${take}` } },
        { timestamp_ms: take * 6000, end: {} },
      ]),
    ),
  );
  await openStudio(page);
  await importScript(page, file);
  await submitAndOpenJob(page);
  await expect(
    page.getByRole("region", { name: "Stream 3" }).getByLabel("Stream 3 video"),
  ).toBeVisible({ timeout: 90_000 });

  await page.getByRole("link", { name: "Compare" }).click();
  const compare = page.getByRole("region", { name: "Compare" });
  const takes = [1, 2, 3].map((n) =>
    compare.getByRole("region", { name: `Stream ${n}` }).getByLabel(`Stream ${n} video`),
  );
  for (const take of takes) await expect(take).toBeVisible();
  // One scrubber and one Play for all three.
  await expect(compare.getByRole("slider", { name: "Seek" })).toHaveCount(1);
  await expect(compare.getByRole("button", { name: "Play" })).toHaveCount(1);

  await compare.getByRole("button", { name: "Play" }).click();
  await expect(compare.getByRole("button", { name: "Pause" })).toBeVisible();
  const times = () =>
    Promise.all(takes.map((take) => take.evaluate((video: HTMLVideoElement) => video.currentTime)));
  await expect.poll(async () => Math.min(...(await times()))).toBeGreaterThan(1);
  const now = await times();
  expect(Math.max(...now) - Math.min(...now)).toBeLessThan(0.25);
  // Each of the three plays on: the shared clock may hold one back a frame to keep them together,
  // so each is seen moving rather than caught unpaused at one instant.
  for (const [i, take] of takes.entries()) {
    await expect
      .poll(() => take.evaluate((video: HTMLVideoElement) => video.currentTime))
      .toBeGreaterThan((now[i] as number) + 0.5);
  }
  await compare.getByRole("button", { name: "Pause" }).click();
  for (const take of takes) {
    await expect.poll(() => take.evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
  }
});
