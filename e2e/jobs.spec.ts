// Submitting, watching, playing and downloading, in Chromium against real engines.
import { expect, test } from "./test";
import { readFileSync, writeFileSync } from "node:fs";
import { asDataUrl, pngHeaderOnly } from "../server/test/fixtures";
import { holdingEngine, shortLinkEngine } from "./engines";
import {
  fixture,
  importScript,
  jobToast,
  mp4Duration,
  nextJobId,
  openStudio,
  shortScript,
  submitAndOpenJob,
} from "./studio-helpers";

/** The two-stream fixture with frame.png as its first stream's start image. */
function twoStreamsWithImage(outputPath: string): string {
  const script = JSON.parse(readFileSync(fixture("two-streams.json"), "utf8"));
  script[0].start.image = asDataUrl("image/png", readFileSync(fixture("frame.png")));
  writeFileSync(outputPath, JSON.stringify(script, null, 2));
  return outputPath;
}

test("submits an imported two-stream script, watches it complete, plays and downloads it", async ({
  page,
}, testInfo) => {
  // A render (up to 90 s on a busy machine) and then a quiet spell of at least 11 s.
  test.setTimeout(150_000);
  await openStudio(page);
  await importScript(page, twoStreamsWithImage(testInfo.outputPath("two-streams-image.json")));
  await expect(page.getByRole("textbox", { name: "The script as JSON" })).toHaveValue(
    /data:image\/png;base64,/,
  );
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByText("Job submitted")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByRole("row", { name: /two-streams-image/ });
  await expect(row.getByText(/^(Pending|Dispatched|Processing)$/)).toBeVisible();
  await expect(row.getByText("Completed", { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();

  // The app-wide watcher hears of it too; after that, with nothing active, nothing asks. The
  // toast can come from the job's own query before the list of active jobs has asked once more
  // and found it empty, so what is asserted is that a quiet spell longer than the slowest poll
  // interval (10 s) begins: a poll that never stopped would never leave one.
  await expect(page.getByText("Your 2 videos are ready")).toBeVisible();
  let lastAsked = Date.now();
  page.on("request", (request) => {
    if (request.url().includes("/api/simulation-jobs")) lastAsked = Date.now();
  });
  await expect
    .poll(() => Date.now() - lastAsked, { timeout: 40_000, intervals: [500] })
    .toBeGreaterThan(11_000);

  await row.getByRole("link", { name: /two-streams-image/ }).click();
  for (const [title, seconds] of [
    ["Stream 1", 9],
    ["Stream 2", 3],
  ] as const) {
    const player = page.getByRole("region", { name: title });
    const video = player.getByLabel(`${title} video`);
    await expect(video).toHaveAttribute("poster", /\/thumbnail\?/);
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime))
      .toBeGreaterThan(0.3);
    expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(seconds);
  }

  const download = page.waitForEvent("download");
  await page
    .getByRole("region", { name: "Stream 1" })
    .getByRole("button", { name: "Download" })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^simulate-[\w-]{8}-stream-1\.mp4$/);
  const saved = testInfo.outputPath("stream-1.mp4");
  await file.saveAs(saved);
  expect(readFileSync(saved).subarray(4, 8).toString("latin1")).toBe("ftyp");
  expect(mp4Duration(saved)).toBeCloseTo(9, 1);
});

test("marks interactions on the scrubber and seeks to them", async ({ page }, testInfo) => {
  // A render (up to 90 s on a busy machine) and then a quiet spell of at least 11 s.
  test.setTimeout(150_000);
  await openStudio(page);
  await importScript(page, twoStreamsWithImage(testInfo.outputPath("markers.json")));
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  // Staying in the studio, the creator hears when the videos are ready, in a toast and the tab.
  const ready = page.getByRole("listitem").filter({ hasText: "Your 2 videos are ready" });
  await expect(ready).toBeVisible({ timeout: 90_000 });
  await expect(page).toHaveTitle(/^✓ 1 ready · /);
  await ready.getByRole("button", { name: "View job" }).click();
  await expect(page).not.toHaveTitle(/ready/);
  const player = page.getByRole("region", { name: "Stream 1" });
  const marker = player.getByRole("button", {
    name: "Interaction at 3.00 s: Lightning flashes across the sky",
  });
  await expect(marker).toBeVisible({ timeout: 90_000 });
  await marker.click();
  await expect
    .poll(() =>
      player.getByLabel("Stream 1 video").evaluate((v: HTMLVideoElement) => v.currentTime),
    )
    .toBeCloseTo(3, 1);
});

test("cancels a pending job, and says why a held one's neighbour cannot be", async ({
  page,
}, testInfo) => {
  await openStudio(page, holdingEngine);
  await importScript(page, shortScript(testInfo.outputPath("alpha.json"), "alpha"));
  const alphaCreated = nextJobId(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const alphaId = await alphaCreated;
  await expect(page.getByText("Job submitted")).toHaveCount(1);
  await importScript(page, shortScript(testInfo.outputPath("beta.json"), "beta"));
  const created = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && /\/simulation-jobs$/.test(response.url()),
  );
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const betaId = ((await (await created).json()) as { job_id: string }).job_id;
  // Each job has its own toast, which names it (and later says how its render goes): two
  // jobs, two toasts, never a count of different jobs under one title.
  const submitted = page.getByRole("listitem").filter({ hasText: "Job submitted" });
  await expect(submitted).toHaveCount(2);
  await expect(submitted.filter({ hasText: `Job ${alphaId.slice(0, 8)} is queued` })).toBeVisible();
  await expect(submitted.filter({ hasText: `Job ${betaId.slice(0, 8)} is queued` })).toBeVisible();
  await expect(page.getByText(/Job submitted \(×\d\)/)).toHaveCount(0);

  await page.goto(`${holdingEngine}/jobs`);
  const second = page.getByRole("row", { name: /beta/ });
  await expect(second.getByText("Pending", { exact: true })).toBeVisible();
  await second.getByRole("button", { name: "Cancel" }).click();
  await expect(second.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(second.getByRole("button", { name: "Cancel" })).toBeDisabled();
  await expect(second.getByRole("button", { name: "Cancel" })).toHaveAccessibleDescription(
    "A cancelled job cannot be cancelled.",
  );

  const first = page.getByRole("row", { name: /alpha/ });
  await expect(first.getByText("Dispatched", { exact: true })).toBeVisible();
  await first.getByRole("button", { name: "Cancel" }).click();
  await expect(first.getByText("Cancelled", { exact: true })).toBeVisible();

  // Its page says why there is no video, rather than that one is coming.
  await first.getByRole("link", { name: /alpha/ }).click();
  await expect(page.getByRole("region", { name: "Stream 1" })).toContainText(
    "The job was cancelled before this stream was rendered.",
  );
});

test("shows why a job failed, for the job and for each stream", async ({ page, request }) => {
  await openStudio(page);
  // A job the studio could not make: an image whose header is fine and whose pixels are not.
  const apiKey = await page.evaluate(() =>
    localStorage.getItem("simulate-studio.local-engine-key"),
  );
  expect(apiKey).toMatch(/^local-/);
  const token = await (await request.post("/api/auth/token", { data: { api_key: apiKey } })).json();
  const created = await request.post("/api/simulation-jobs", {
    headers: { authorization: `Bearer ${token.access_token}` },
    data: {
      script: [
        {
          timestamp_ms: 0,
          start: { prompt: "broken", image: asDataUrl("image/png", pngHeaderOnly(64, 64)) },
        },
        { timestamp_ms: 1000, end: {} },
      ],
      portrait: false,
    },
  });
  const { job_id: jobId } = await created.json();

  await page.goto("/jobs");
  const row = page.getByRole("row", { name: new RegExp(`Job ${jobId.slice(0, 8)}`) });
  await expect(row.getByText("Failed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole("button", { name: "Open script" })).toHaveAccessibleDescription(
    /not submitted from this browser/,
  );
  await row.getByRole("link").click();
  const report = page.getByRole("alert").filter({ hasText: "The job failed" });
  await expect(report).toBeVisible();
  await expect(report.getByRole("listitem")).toHaveText(/^Stream 1: .+/);
});

test("shows an offline banner while the network is gone", async ({ page, context }) => {
  await page.goto("/jobs");
  await expect(page.getByRole("region", { name: "Jobs" })).toBeVisible();
  const banner = page.getByRole("status").filter({ hasText: "You are offline" });
  await expect(banner).toHaveCount(0);
  await context.setOffline(true);
  await expect(banner).toBeVisible();
  await context.setOffline(false);
  await expect(banner).toHaveCount(0);
});

test("keeps a cloud key out of storage unless asked to remember it", async ({ page }) => {
  const secret = "sk-odyssey-e2e-secret-0123456789";
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  await page.goto("/settings");
  await page.getByRole("radio", { name: "Odyssey cloud" }).check();
  await page.getByLabel("API key").fill(secret);
  await expect(page.getByRole("radio", { name: "Odyssey cloud" })).toBeChecked();
  expect(await stored()).not.toContain(secret);

  await page.reload();
  await expect(page.getByRole("radio", { name: "Odyssey cloud" })).toBeChecked();
  await expect(page.getByLabel("API key")).toHaveValue("");

  await page.getByLabel("API key").fill(secret);
  await page.getByRole("checkbox", { name: "Remember on this device" }).check();
  expect(await stored()).toContain(secret);
  await page.reload();
  await expect(page.getByLabel("API key")).toHaveValue(secret);

  await page.getByRole("checkbox", { name: "Remember on this device" }).uncheck();
  expect(await stored()).not.toContain(secret);

  // The studio says where scripts would go, and never puts the key in what it exports.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Studio" })
    .click();
  await page.getByRole("button", { name: "Add stream" }).click();
  await expect(page.getByRole("textbox", { name: "The script as JSON" })).not.toHaveValue(
    new RegExp(secret),
  );
});

test("tests the connection and names what fails", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected." })).toContainText(
    "The key was accepted",
  );

  await page.getByRole("radio", { name: "Custom API root" }).check();
  await page.getByLabel("API root", { exact: true }).fill("http://127.0.0.1:9/api");
  await page.getByLabel("API key").fill("anything");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No answer." })).toContainText(
    "Could not reach http://127.0.0.1:9/api",
  );

  await page.getByRole("radio", { name: "Odyssey cloud" }).check();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Studio" })
    .click();
  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("a harbour");
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeDisabled();
  await expect(
    page.getByRole("button", { name: "Submit", exact: true }),
  ).toHaveAccessibleDescription(
    "Add your Odyssey API key in Settings to run scripts on Odyssey's cloud.",
  );
});

test("renews an expired video link without the creator noticing", async ({ page }, testInfo) => {
  // Routing every request through unchanged turns off the HTTP cache, so a reload of the
  // video really goes back to the engine rather than to the copy already in memory.
  await page.route("**/*", (route) => route.continue());
  await openStudio(page, shortLinkEngine);
  await importScript(page, shortScript(testInfo.outputPath("short.json")));
  await submitAndOpenJob(page);
  const video = page.getByRole("region", { name: "Stream 1" }).getByLabel("Stream 1 video");
  await expect(video).toHaveAttribute("src", /\/video\?/);
  const first = await video.getAttribute("src");
  // The engine signs links for 4 s; let this one lapse before playing.
  await page.waitForTimeout(5_000);
  expect((await page.request.get(first as string)).status()).toBe(403);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.load();
    return v.play().catch(() => undefined);
  });
  await expect.poll(() => video.getAttribute("src")).not.toBe(first);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(0.2);
  await expect(page.getByRole("region", { name: "Stream 1" }).getByRole("alert")).toHaveCount(0);
});

test("submits a batch of drafts as one job, then opens and resubmits it from the dashboard", async ({
  page,
}, testInfo) => {
  await openStudio(page);
  await importScript(page, shortScript(testInfo.outputPath("harbour.json"), "A harbour at dusk"));
  await page.getByRole("button", { name: "Duplicate draft" }).click();
  await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue("harbour (copy)");

  await page.getByRole("button", { name: "Submit batch…" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit a batch" });
  await expect(dialog.getByRole("checkbox", { name: "harbour (copy)" })).toBeChecked();
  await dialog.getByRole("checkbox", { name: "harbour", exact: true }).check();
  const jobId = nextJobId(page);
  await dialog.getByRole("button", { name: "Submit 2 scripts" }).click();
  await expect(dialog).toBeHidden();
  const toast = jobToast(page, await jobId);
  await toast.getByRole("button", { name: "View job" }).click();
  await expect(page.getByRole("region", { name: "Script 1 · Stream 1" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    page
      .getByRole("region", { name: "Script 2 · Stream 1" })
      .getByLabel("Script 2 · Stream 1 video"),
  ).toBeVisible({ timeout: 60_000 });

  await expect(
    page
      .getByRole("region", { name: "Scripts in this batch" })
      .getByRole("button", { name: /^Open script \d: / }),
  ).toHaveText(["Open script 1: harbour (copy)", "Open script 2: harbour"]);

  // Every stream is also a recording, listed with its size and playable from there.
  await page.getByRole("link", { name: "← All jobs" }).click();
  await page
    .getByRole("navigation", { name: "Jobs views" })
    .getByRole("link", { name: "Recordings" })
    .click();
  const recordings = page.getByRole("table", { name: "Recordings, most recent first" });
  await expect(recordings.getByRole("row")).toHaveCount(3);
  await expect(recordings.getByRole("cell", { name: "1280×704" })).toHaveCount(2);
  // Named after the batch it came from, with its own job linked beside it.
  await recordings
    .getByRole("row")
    .nth(1)
    .getByRole("link", { name: /^harbour \(copy\) \+ 1 more · / })
    .click();
  await expect(
    page.getByRole("region", { name: "Recording" }).getByLabel("Recording video"),
  ).toHaveAttribute("src", /\/video\?/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByRole("row", { name: /harbour \(copy\) \+ 1 more/ });
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Resubmit" }).click();
  await expect(page.getByText("Submitted again")).toBeVisible();
  await expect(page.getByRole("row", { name: /harbour \(copy\) \+ 1 more/ })).toHaveCount(2);

  await row.first().getByRole("button", { name: "Open script" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Opened “harbour (copy)” from its job as a new draft")).toBeVisible();
  // A draft of that name is still there, so the opened one is named apart.
  await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue("harbour (copy) (2)");
  await expect(page.getByRole("textbox", { name: "The script as JSON" })).toHaveValue(
    /A harbour at dusk/,
  );
});

test("a refused submission says why, points at the entry, and keeps the draft", async ({
  page,
}, testInfo) => {
  await openStudio(page, holdingEngine);
  const file = testInfo.outputPath("long.json");
  writeFileSync(
    file,
    JSON.stringify([
      { timestamp_ms: 0, start: { prompt: "A long take" } },
      { timestamp_ms: 90_000, end: {} },
    ]),
  );
  await importScript(page, file);
  const script = await page.getByRole("textbox", { name: "The script as JSON" }).inputValue();

  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Not submitted." });
  await expect(alert).toContainText("(422)");
  await expect(alert).toContainText("Your draft is unchanged.");
  const problem = alert.getByRole("link", {
    name: "the stream starting at 0.00 s lasts 90.00 s; this engine renders streams of at most 60 s",
  });
  await problem.click();
  await expect(
    page.getByRole("region", { name: "Timeline" }).getByRole("button", { name: "end at 90.00 s" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("textbox", { name: "The script as JSON" })).toHaveValue(script);
  // Pinned like the studio's own problems: listed, and Submit waits for an edit.
  await expect(page.getByRole("region", { name: "Problems" })).toContainText(
    "this engine renders streams of at most 60 s",
  );
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeDisabled();

  // An unreachable server is named as such, and the draft is still untouched. Settings opens
  // in-app: a reload right after an import can still lose the draft (the durability issue).
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Settings" })
    .click();
  await page.getByRole("radio", { name: "Custom API root" }).check();
  await page.getByLabel("API root", { exact: true }).fill("http://127.0.0.1:9/api");
  await page.getByLabel("API key").fill("anything");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Studio" })
    .click();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not submitted." })).toContainText(
    "Could not reach http://127.0.0.1:9/api",
  );
  await expect(page.getByRole("textbox", { name: "The script as JSON" })).toHaveValue(script);
});
