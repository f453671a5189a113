// The studio's layout: at 1024x768 and 1440x900 the preview, the inspector (all of it, with
// nothing scrolled away inside it) and the timeline's first track show without scrolling; at
// 390 px the page never scrolls sideways. (Jobs, a job page and Settings at 390 px: see
// after-the-run.spec.ts and settings.spec.ts.)
import { expect, type Locator, type Page, test } from "./test";
import { entry, fixture } from "./studio-helpers";

async function expectInViewport(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "it is laid out").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

/** What inside the region scrolls within itself, hiding part of its content (none, we hope). */
function scrolledAway(region: Locator) {
  return region.evaluate((root) =>
    [root, ...root.querySelectorAll("*")]
      .filter((element) => {
        // A field's own text scrolling inside it is not the layout's doing.
        if (element.matches("input, textarea, select")) return false;
        const { overflowY } = getComputedStyle(element);
        return overflowY !== "visible" && element.scrollHeight > element.clientHeight + 1;
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
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
    // Every field of a start shows, none scrolled away inside the panel.
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Prompt", exact: true }));
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Time (seconds)" }));
    await expectInViewport(page, inspector.getByRole("button", { name: "Add an image" }));
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Duration (seconds)" }));
    await expectInViewport(page, inspector.getByText("Name and colour"));
    expect(await scrolledAway(inspector)).toEqual([]);

    // An image the studio refuses: its message shows in the inspector, on this start only.
    await inspector.getByLabel("Choose an image for this start").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("not an image"),
    });
    const error = inspector.getByRole("alert");
    await expect(error).toBeVisible();
    // It shows where it is, with Delete, and pushes nothing out of sight.
    await expectInViewport(page, error);
    await expectInViewport(page, inspector.getByRole("button", { name: "Delete stream" }));
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Duration (seconds)" }));
    expect(await scrolledAway(inspector)).toEqual([]);
    // A camera's long file name is cut in the middle, so its message still fits the column.
    await inspector.getByLabel("Choose an image for this start").setInputFiles({
      name: "a-very-long-file-name-of-a-holiday-photo-that-is-not-an-image.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("not an image"),
    });
    await expect(error).toHaveText(
      "a-very-long-file-na…mage.txt is not a JPEG, PNG or WebP image.",
    );
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Duration (seconds)" }));
    expect(await scrolledAway(inspector)).toEqual([]);
    await entry(page, "start at 9.00 s").click();
    await expect(
      page.getByRole("region", { name: "Stream 2 start" }).getByRole("alert"),
    ).toHaveCount(0);
  });

  test("the studio's header keeps to one row: the drafts actions are icons, named as before", async ({
    page,
  }) => {
    await page.goto("/");
    const submitBox = (await page
      .getByRole("button", { name: "Submit", exact: true })
      .boundingBox())!;
    for (const name of ["All drafts…", "New draft", "Duplicate draft", "Delete draft"]) {
      const action = page.getByRole("button", { name, exact: true });
      await expect(action).toHaveAttribute("title", name);
      // Beside Submit, not on a row below it.
      const box = (await action.boundingBox())!;
      expect(box.y).toBeLessThan(submitBox.y + submitBox.height);
      expect(box.y + box.height).toBeGreaterThan(submitBox.y);
    }
  });

  test("opening a stream's name and colour brings them into the inspector's view", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
    await entry(page, "start at 0.00 s").click();
    await page.evaluate(() => window.scrollTo(0, 0));
    const inspector = page.getByRole("region", { name: "Stream 1 start" });
    await inspector.getByText("Name and colour").click();
    const panel = (await inspector.boundingBox())!;
    for (const field of [
      inspector.getByRole("textbox", { name: "Stream name" }),
      inspector.getByRole("radio", { name: "Default" }),
    ]) {
      await expect(field).toBeVisible();
      await expect
        .poll(async () => {
          const box = (await field.boundingBox())!;
          return box.y >= panel.y && box.y + box.height <= panel.y + panel.height;
        })
        .toBe(true);
    }
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  });

  test("a portrait start with an image fits the inspector", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
    await page.getByRole("radio", { name: "Portrait" }).check();
    await entry(page, "start at 0.00 s").click();
    const inspector = page.getByRole("region", { name: "Stream 1 start" });
    await inspector
      .getByLabel("Choose an image for this start")
      .setInputFiles(fixture("frame.png"));
    await expect(inspector.getByRole("img", { name: "Start frame" })).toBeVisible();
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Duration (seconds)" }));
    expect(await scrolledAway(inspector)).toEqual([]);
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
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

test.describe("at 1440x900, a first visit", () => {
  test.use({ viewport: { width: 1440, height: 900 }, firstRun: true });

  test("the sample's start shows every field, its name and colour too", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("region", { name: "Getting started" })
      .getByRole("button", { name: "Got it" })
      .click();
    await entry(page, "start at 0.00 s").click();
    const inspector = page.getByRole("region", { name: "Stream 1 start" });
    await expect(inspector.getByRole("img", { name: "Start frame" })).toBeVisible();

    await expectInViewport(page, page.getByRole("region", { name: "Preview" }));
    await expectInViewport(page, entry(page, "start at 0.00 s"));
    await expectInViewport(page, inspector.getByRole("button", { name: "Delete stream" }));
    await expectInViewport(page, inspector.getByRole("button", { name: "Remove image" }));
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Duration (seconds)" }));
    // A window this tall has room for them unfolded.
    await expectInViewport(page, inspector.getByRole("textbox", { name: "Stream name" }));
    await expectInViewport(page, inspector.getByRole("radio", { name: "Slate" }));
    expect(await scrolledAway(inspector)).toEqual([]);
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

    // The drafts switcher shows the sample's name whole, not cut at its first words.
    const switcher = page.getByRole("combobox", { name: "Open draft" });
    expect(
      await switcher.evaluate((select: HTMLSelectElement) => {
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = getComputedStyle(select).font;
        // The text, the padding on both sides and the arrow.
        const needed = context.measureText(select.selectedOptions[0]!.text).width + 16 + 20;
        return needed <= select.clientWidth;
      }),
    ).toBe(true);
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
