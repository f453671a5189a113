// The studio's layout: at 1024x768 the preview, the inspector (all of it) and the timeline's
// first track show without scrolling; at 390 px the page never scrolls sideways.
import { expect, type Locator, type Page, test } from "./test";
import { entry, fixture } from "./studio-helpers";

async function expectInViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "it is laid out").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

test.describe("at 1024x768", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("the preview, the whole inspector and the first track fit the window", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
    await entry(page, "start at 0.00 s").click();
    await page.evaluate(() => window.scrollTo(0, 0));

    await expectInViewport(page, page.getByRole("region", { name: "Preview" }));
    const inspector = page.getByRole("region", { name: "Stream 1 start" });
    await expectInViewport(page, inspector);
    await expectInViewport(page, inspector.getByRole("button", { name: "Delete stream" }));
    await expectInViewport(page, entry(page, "start at 0.00 s"));
    await expectInViewport(page, entry(page, "end at 12.00 s"));
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

    // An image the studio refuses: its message shows in the inspector, on this start only.
    await inspector.getByLabel("Choose an image for this start").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("not an image"),
    });
    const error = inspector.getByRole("alert");
    await expect(error).toBeVisible();
    await error.scrollIntoViewIfNeeded();
    await expectInViewport(page, inspector.getByRole("button", { name: "Delete stream" }));
    await entry(page, "start at 9.00 s").click();
    await expect(
      page.getByRole("region", { name: "Stream 2 start" }).getByRole("alert"),
    ).toHaveCount(0);
  });

  test("the separator resizes the preview and inspector with the keyboard", async ({ page }) => {
    await page.goto("/");
    const separator = page.getByRole("separator", { name: "Resize the preview and inspector" });
    const preview = page.getByRole("region", { name: "Preview" });
    const before = (await preview.boundingBox())!.height;
    await separator.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect.poll(async () => (await preview.boundingBox())!.height).toBeGreaterThan(before);
  });
});

test("a long draft name shows in full where the header has room", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  const name = page.getByRole("textbox", { name: "Draft name" });
  const long = "Harbour at dusk, second pass with the fog rolling in";
  await name.fill(long);
  await expect(name).toHaveValue(long);
  // The field grows with its text: nothing of the name is scrolled out of sight.
  expect(await name.evaluate((input) => input.scrollWidth - input.clientWidth)).toBeLessThanOrEqual(
    0,
  );
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the studio's header and toolbar never make the page scroll sideways", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
    await expect(page.getByRole("toolbar", { name: "Editor" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectInViewport(page, page.getByRole("button", { name: "Add stream" }));
    await expectInViewport(page, page.getByRole("button", { name: "Keyboard shortcuts" }));
  });
});
