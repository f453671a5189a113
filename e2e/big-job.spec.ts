// A job of many streams: its page mounts players as their places come near the screen, so it
// asks for a few videos at first, not one per stream.
import { writeFileSync } from "node:fs";
import { expect, test } from "./test";
import { importScript, openStudio, submitAndOpenJob } from "./studio-helpers";

const STREAMS = 60;

/** STREAMS one-second streams, half a second apart. */
function manyStreams(outputPath: string): string {
  const script = Array.from({ length: STREAMS }, (_, i) => [
    { timestamp_ms: i * 1500, start: { prompt: `Shot ${i + 1}: a lighthouse in fog` } },
    { timestamp_ms: i * 1500 + 1000, end: {} },
  ]).flat();
  writeFileSync(outputPath, JSON.stringify(script));
  return outputPath;
}

test("a job of 60 streams mounts players only near the screen, and more as it scrolls", async ({
  page,
}, testInfo) => {
  // Sixty streams render one after another on the test machine's engine.
  test.setTimeout(300_000);
  await openStudio(page);
  await importScript(page, manyStreams(testInfo.outputPath("sixty-streams.json")));
  await submitAndOpenJob(page);
  await expect(page.getByText(`${STREAMS} of ${STREAMS}`)).toBeVisible({ timeout: 240_000 });

  // Opened afresh, as a finished job is: every stream has its video.
  await page.reload();
  await expect(page.getByLabel("Stream 1 video")).toBeVisible();
  const videos = page.locator("video");
  const mountedAtFirst = await videos.count();
  expect(mountedAtFirst).toBeGreaterThanOrEqual(1);
  expect(mountedAtFirst).toBeLessThanOrEqual(8);
  // The rest hold their places, named as their players will be.
  await expect(page.getByRole("region", { name: `Stream ${STREAMS}`, exact: true })).toBeAttached();
  await expect(page.getByLabel(`Stream ${STREAMS} video`)).toHaveCount(0);

  const preloads = () =>
    videos.evaluateAll((elements) =>
      (elements as HTMLVideoElement[]).map((video) => ({
        preload: video.preload,
        played: video.played.length > 0,
        readyState: video.readyState,
      })),
    );
  // Nothing is fetched before play: no metadata, no bytes (the poster shows the first frame).
  for (const video of await preloads()) {
    expect(video.preload).toBe("none");
    expect(video.readyState).toBe(0);
    expect(video.played).toBe(false);
  }

  // Scrolling to a stream far down mounts its player, and still not every one.
  const far = page.getByRole("region", { name: "Stream 40", exact: true });
  await far.scrollIntoViewIfNeeded();
  await expect(page.getByLabel("Stream 40 video")).toBeVisible();
  await expect(page.getByLabel("Stream 40 video")).toHaveAttribute("poster", /\/thumbnail\?/);
  const mountedAfterScroll = await videos.count();
  expect(mountedAfterScroll).toBeGreaterThan(mountedAtFirst);
  expect(mountedAfterScroll).toBeLessThan(STREAMS);
  for (const video of await preloads()) {
    expect(video.preload).toBe("none");
    expect(video.readyState).toBe(0);
  }
});
