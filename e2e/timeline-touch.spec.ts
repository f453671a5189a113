// Touch on the timeline, driven as a touchscreen drives it: raw touch points through the
// DevTools protocol, so the browser makes its own touch and pointer events from them.
import { type CDPSession, expect, type Locator, test } from "./test";
import { dragReady, entry, fixture, scriptTimes } from "./studio-helpers";

test.use({ hasTouch: true, viewport: { width: 1600, height: 900 } });

type Point = { x: number; y: number; id: number };

function touch(cdp: CDPSession, type: "touchStart" | "touchMove" | "touchEnd", points: Point[]) {
  return cdp.send("Input.dispatchTouchEvent", {
    type,
    touchPoints: points.map(({ x, y, id }) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
  });
}

async function centre(target: Locator): Promise<{ x: number; y: number }> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("the target is not on the screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

test("a long press and a drag with one finger moves an interaction", async ({ page }) => {
  await dragReady(page);
  const cdp = await page.context().newCDPSession(page);
  const from = await centre(entry(page, "interaction at 3.00 s"));
  await touch(cdp, "touchStart", [{ ...from, id: 1 }]);
  // The timeline's touch sensor picks an entry up only after a short press (so a swipe can
  // still scroll); once it has, the drag's ghost shows the time under the finger.
  await expect(page.getByText("interaction at 3.00 s", { exact: true })).toBeVisible();
  // 80 px per second at the default zoom: two seconds later.
  for (let step = 1; step <= 10; step++) {
    await touch(cdp, "touchMove", [{ x: from.x + 16 * step, y: from.y, id: 1 }]);
  }
  await touch(cdp, "touchEnd", []);

  await expect(entry(page, "interaction at 5.00 s")).toBeVisible();
  await expect.poll(() => scriptTimes(page)).toEqual([0, 5000, 9000, 9000, 12000]);
});

test("pinching with two fingers zooms the timeline", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const zoom = page.getByRole("region", { name: "Timeline" }).getByText(/^\d+ px\/s$/);
  await expect(zoom).toHaveText("80 px/s");
  const clip = await centre(
    page.getByRole("region", { name: "Timeline" }).getByRole("button", {
      name: "stream 1 from 0.00 s to 9.00 s",
    }),
  );
  const y = clip.y;
  const mid = clip.x;
  await touch(cdp, "touchStart", [
    { x: mid - 40, y, id: 1 },
    { x: mid + 40, y, id: 2 },
  ]);
  // Fingers apart: from 80 px to 240 px between them.
  for (let step = 1; step <= 8; step++) {
    await touch(cdp, "touchMove", [
      { x: mid - 40 - 10 * step, y, id: 1 },
      { x: mid + 40 + 10 * step, y, id: 2 },
    ]);
  }
  await touch(cdp, "touchEnd", []);
  await expect(zoom).not.toHaveText("80 px/s");
  const zoomedIn = Number((await zoom.textContent())?.replace(/\D/g, ""));
  expect(zoomedIn).toBeGreaterThan(80);

  // Fingers together again zooms back out.
  await touch(cdp, "touchStart", [
    { x: mid - 120, y, id: 3 },
    { x: mid + 120, y, id: 4 },
  ]);
  for (let step = 1; step <= 8; step++) {
    await touch(cdp, "touchMove", [
      { x: mid - 120 + 10 * step, y, id: 3 },
      { x: mid + 120 - 10 * step, y, id: 4 },
    ]);
  }
  await touch(cdp, "touchEnd", []);
  await expect
    .poll(async () => Number((await zoom.textContent())?.replace(/\D/g, "")))
    .toBeLessThan(zoomedIn);
  // Nothing was dragged along the way.
  expect(await scriptTimes(page)).toEqual([0, 3000, 9000, 9000, 12000]);
});
