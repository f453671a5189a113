// Snapping in time, not pixels, driven with the mouse at a zoom where a second is 16 px and at
// one where it is 320 px: a drag that comes back changes nothing, both handles where two
// streams touch can be taken, and a drag that comes near a neighbour lands on it exactly.
import { writeFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "./test";
import { dragReady, scriptTimes } from "./studio-helpers";

// Wide enough that no drag comes near the edge, where the timeline scrolls by itself.
test.use({ viewport: { width: 1600, height: 900 } });

function timeline(page: Page): Locator {
  return page.getByRole("region", { name: "Timeline" });
}

function entry(page: Page, name: string): Locator {
  return timeline(page).getByRole("button", { name, exact: true });
}

/** Opens a two-stream script: the first from 0 to `endMs`, the second from `nextMs` to 8 s. */
async function openStreams(page: Page, endMs: number, nextMs: number) {
  const file = test.info().outputPath(`streams-${endMs}-${nextMs}.json`);
  writeFileSync(
    file,
    JSON.stringify([
      { timestamp_ms: 0, start: { prompt: "A harbour at dusk" } },
      { timestamp_ms: endMs, end: {} },
      { timestamp_ms: nextMs, start: { prompt: "A lighthouse in fog" } },
      { timestamp_ms: 8000, end: {} },
    ]),
  );
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(file);
  await expect(entry(page, "end at 8.00 s")).toBeVisible();
}

/** Zooms with the "Zoom in" and "Zoom out" buttons until the timeline shows `pxPerSecond`. */
async function zoomTo(page: Page, pxPerSecond: number) {
  const level = timeline(page).getByText(/^\d+ px\/s$/);
  for (let clicks = 0; clicks < 20; clicks++) {
    const now = Number((await level.textContent())?.replace(/\D/g, ""));
    if (now === pxPerSecond) return;
    await timeline(page)
      .getByRole("button", { name: now > pxPerSecond ? "Zoom out" : "Zoom in" })
      .click();
    await expect(level).not.toHaveText(`${now} px/s`);
  }
  throw new Error(`the zoom never showed ${pxPerSecond} px/s`);
}

/** Where a handle's middle is on screen, with the timeline scrolled to put it mid-view. */
async function middleOf(target: Locator): Promise<{ x: number; y: number }> {
  await target.evaluate((element) =>
    element.scrollIntoView({ block: "nearest", inline: "center" }),
  );
  const box = await target.boundingBox();
  if (!box) throw new Error("the handle is not on the screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on `target`, moves through each offset in turn (in px), and lets go. */
async function dragThrough(
  page: Page,
  target: Locator,
  offsets: number[],
  hold?: () => Promise<void>,
) {
  await dragReady(page);
  const { x, y } = await middleOf(target);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (const dx of offsets) await page.mouse.move(x + dx, y, { steps: 6 });
  await hold?.();
  await page.mouse.up();
  // The ghost's label goes in the same render that commits the drop, so what follows sees it.
  await expect(timeline(page).getByText(/^(start|end|interaction) at /)).toHaveCount(0);
}

for (const pxPerSecond of [16, 320]) {
  const pxPerMs = pxPerSecond / 1000;

  test.describe(`at ${pxPerSecond} px/s`, () => {
    test("an end dragged away and back is where it was", async ({ page }) => {
      // Half a second from the next stream's start: 8 px at 16 px/s.
      await openStreams(page, 3500, 4000);
      await zoomTo(page, pxPerSecond);
      const away = 1000 * pxPerMs;

      await dragThrough(page, entry(page, "end at 3.50 s"), [away, 0]);
      await expect(entry(page, "end at 3.50 s")).toBeVisible();
      expect(await scriptTimes(page)).toEqual([0, 3500, 4000, 8000]);

      // A hand comes back a couple of pixels off: still nearer its own time than the start.
      await dragThrough(page, entry(page, "end at 3.50 s"), [away, 2]);
      await expect(entry(page, "end at 3.50 s")).toBeVisible();
      expect(await scriptTimes(page)).toEqual([0, 3500, 4000, 8000]);
      await expect(page.getByRole("button", { name: "Undo" })).toBeDisabled();
    });

    test("both handles where two streams touch can be grabbed", async ({ page }) => {
      await openStreams(page, 3500, 3500);
      await zoomTo(page, pxPerSecond);
      const second = 1000 * pxPerMs;
      // 1 s at 16 px/s, half a second at 320 px/s, in whole steps of the 100 ms grid.
      const movePx = pxPerSecond === 16 ? second : second / 2;
      const moveMs = pxPerSecond === 16 ? 1000 : 500;

      // The handles overlap; pressing on the end's middle and going left takes the end.
      await dragThrough(page, entry(page, "end at 3.50 s"), [-movePx / 2, -movePx]);
      await expect(entry(page, `end at ${((3500 - moveMs) / 1000).toFixed(2)} s`)).toBeVisible();
      await expect(entry(page, "start at 3.50 s")).toBeVisible();
      await expect.poll(() => scriptTimes(page)).toEqual([0, 3500 - moveMs, 3500, 8000]);

      await page.getByRole("button", { name: "Undo" }).click();
      await expect(entry(page, "end at 3.50 s")).toBeVisible();

      // Pressing on the start's middle and going right takes the start.
      await dragThrough(page, entry(page, "start at 3.50 s"), [movePx / 2, movePx]);
      await expect(entry(page, `start at ${((3500 + moveMs) / 1000).toFixed(2)} s`)).toBeVisible();
      await expect(entry(page, "end at 3.50 s")).toBeVisible();
      await expect.poll(() => scriptTimes(page)).toEqual([0, 3500, 3500 + moveMs, 8000]);
    });

    test("a drag near a neighbour lands on it exactly", async ({ page }) => {
      await openStreams(page, 3500, 4000);
      await zoomTo(page, pxPerSecond);
      // With the grid off, only snapping can make the time a round one.
      await timeline(page).getByRole("combobox", { name: "Snap" }).selectOption("Off");
      // Stop 2 px short of the next start: within six pixels, and nearer it than 3.5 s.
      const towards = 500 * pxPerMs - 2;

      await dragThrough(page, entry(page, "end at 3.50 s"), [towards / 2, towards], async () => {
        // The label under the pointer says the exact time it will land on, and that it snapped.
        await expect(timeline(page).getByText(/^end at 4\.00 s/)).toBeVisible();
        await expect(timeline(page).getByText("· snap")).toBeVisible();
      });
      await expect(entry(page, "end at 4.00 s")).toBeVisible();
      await expect.poll(() => scriptTimes(page)).toEqual([0, 4000, 4000, 8000]);
    });
  });
}
