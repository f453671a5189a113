import { expect, type Locator, type Page, test } from "./test";
import { readFileSync } from "node:fs";
import { dragReady, fileTransfer, fixture } from "./studio-helpers";

interface Entry {
  timestamp_ms: number;
  start?: { prompt: string; image?: string };
  interact?: { prompt: string };
  end?: Record<string, never>;
}

function timeline(page: Page): Locator {
  return page.getByRole("region", { name: "Timeline" });
}

function entry(page: Page, name: string): Locator {
  return timeline(page).getByRole("button", { name, exact: true });
}

async function exportScript(page: Page): Promise<{ text: string; script: Entry[] }> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const file = await (await download).path();
  const text = readFileSync(file, "utf8");
  return { text, script: JSON.parse(text) as Entry[] };
}

async function importScript(page: Page, name: string) {
  await page.getByLabel("Import script").setInputFiles(fixture(name));
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Add stream" })).toBeEnabled();
});

test("builds a two-stream script with an image using the mouse", async ({ page }) => {
  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("A rainy neon street at night");

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add an image" }).click();
  await (await chooser).setFiles(fixture("frame.png"));
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();

  await page.getByRole("button", { name: "Add interaction" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("Lightning flashes");
  const time = page.getByRole("textbox", { name: "Time (seconds)" });
  await time.fill("3");
  await time.press("Enter");
  await expect(entry(page, "interaction at 3.00 s")).toBeVisible();

  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("A quiet desert at dawn");
  await expect(entry(page, "start at 5.00 s")).toBeVisible();
  await expect(entry(page, "end at 10.00 s")).toBeVisible();

  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeEnabled();
  const { script } = await exportScript(page);
  expect(script.map((e) => e.timestamp_ms)).toEqual([0, 3000, 5000, 5000, 10000]);
  expect(script[0]?.start?.prompt).toBe("A rainy neon street at night");
  expect(script[0]?.start?.image).toMatch(/^data:image\/png;base64,/);
  expect(script[1]?.interact?.prompt).toBe("Lightning flashes");
  expect(script[3]?.start).toEqual({ prompt: "A quiet desert at dawn" });
  expect(script[4]).toEqual({ timestamp_ms: 10000, end: {} });
});

test("builds a two-stream script with an image using only the keyboard", async ({ page }) => {
  await page.getByRole("button", { name: "Add stream" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeFocused();
  await page.keyboard.type("A rainy neon street at night");

  // Prompt -> time -> "Name and colour" (folded in a window this short) -> image drop zone,
  // which opens the picker on Enter.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add an image" })).toBeFocused();
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(fixture("frame.png"));
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();

  await page.getByRole("button", { name: "Add interaction" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeFocused();
  await page.keyboard.type("Lightning flashes");
  await page.keyboard.press("Tab");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");

  await page.getByRole("button", { name: "Add stream" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeFocused();
  await page.keyboard.type("A quiet desert at dawn");

  // Nudge the interaction by the grid, then pick it up and move it with dnd-kit's keyboard sensor.
  await entry(page, "interaction at 3.00 s").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(entry(page, "interaction at 3.20 s")).toBeFocused();
  await page.keyboard.press("Shift+ArrowRight");
  await expect(entry(page, "interaction at 4.20 s")).toBeVisible();
  await dragReady(page);
  await page.keyboard.press("Enter");
  // dnd-kit listens for the arrows only from the task after the pick-up; an arrow pressed
  // before the drag's label shows can be lost. The label follows each arrow, so the drop
  // waits for the last one to land.
  const dragLabel = (time: string) => page.getByText(`interaction at ${time}`, { exact: true });
  await expect(dragLabel("4.20 s")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(dragLabel("4.30 s")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(dragLabel("4.50 s")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(entry(page, "interaction at 4.50 s")).toBeVisible();

  const { script } = await exportScript(page);
  expect(script.map((e) => e.timestamp_ms)).toEqual([0, 4500, 5000, 5000, 10000]);
  expect(script[0]?.start?.image).toMatch(/^data:image\/png;base64,/);
  expect(script[1]?.interact?.prompt).toBe("Lightning flashes");
  expect(script[3]?.start?.prompt).toBe("A quiet desert at dawn");
});

test("drags an interaction, exports it, and undoes and redoes the drag", async ({ page }) => {
  await importScript(page, "two-streams.json");
  const marker = entry(page, "interaction at 3.00 s");
  await expect(marker).toBeVisible();
  await dragReady(page);

  // 80 px per second at the default zoom: 160 px is two seconds.
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
  await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2, { steps: 6 });
  await expect(page.getByText("interaction at 5.00 s")).toBeVisible();
  await page.mouse.up();
  await expect(entry(page, "interaction at 5.00 s")).toBeVisible();

  let { script } = await exportScript(page);
  expect(script[1]).toEqual({
    timestamp_ms: 5000,
    interact: { prompt: "Lightning flashes across the sky" },
  });

  await page.keyboard.press("Control+z");
  await expect(entry(page, "interaction at 3.00 s")).toBeVisible();
  await page.keyboard.press("Control+Shift+z");
  await expect(entry(page, "interaction at 5.00 s")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(entry(page, "interaction at 3.00 s")).toBeVisible();
  ({ script } = await exportScript(page));
  expect(script[1]?.timestamp_ms).toBe(3000);
  await page.getByRole("button", { name: "Redo" }).click();
  ({ script } = await exportScript(page));
  expect(script[1]?.timestamp_ms).toBe(5000);
});

test("a drag keeps an interaction inside its stream while it moves", async ({ page }) => {
  await importScript(page, "two-streams.json");
  await dragReady(page);
  const marker = entry(page, "interaction at 3.00 s");
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 800, box.y + box.height / 2, { steps: 10 });
  // The stream ends at 9 s, so the ghost stops at its last frame, 8.96 s, however far the
  // pointer goes: an interaction any later would never be seen.
  await expect(page.getByText("interaction at 8.96 s")).toBeVisible();
  await page.mouse.up();
  await expect(entry(page, "interaction at 8.96 s")).toBeVisible();
});

test("imports a script and exports it back byte for byte", async ({ page }) => {
  await importScript(page, "two-streams.json");
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  const { text } = await exportScript(page);
  expect(text).toBe(readFileSync(fixture("two-streams.json"), "utf8"));
});

test("an invalid import says what is wrong and keeps the draft", async ({ page }) => {
  await importScript(page, "two-streams.json");
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  await importScript(page, "broken-script.json");
  await expect(page.getByText(/Could not import broken-script\.json/)).toBeVisible();
  await expect(page.getByText(/prompt of the start at 0\.00 s is empty/).first()).toBeVisible();
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

test("after a reload the draft and its image are still there", async ({ page }) => {
  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("A lighthouse in a storm");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add an image" }).click();
  await (await chooser).setFiles(fixture("frame.png"));
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();
  const before = await page.getByRole("img", { name: "Start frame" }).getAttribute("src");

  // Give the autosave its moment, then reload.
  await page.waitForTimeout(1000);
  await page.reload();
  await entry(page, "start at 0.00 s").click();
  await expect(page.getByRole("textbox", { name: "Prompt" })).toHaveValue(
    "A lighthouse in a storm",
  );
  await expect(page.getByRole("img", { name: "Start frame" })).toHaveAttribute("src", before!);
});

test("dropping a file that is not an image says so and changes nothing", async ({ page }) => {
  await page.getByRole("button", { name: "Add stream" }).click();
  const zone = page.getByRole("button", { name: "Add an image" });
  const dataTransfer = await fileTransfer(page, {
    name: "holiday.png",
    type: "image/png",
    text: "These are meeting notes.",
  });
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByRole("alert")).toContainText("not a JPEG, PNG or WebP image");
  await expect(page.getByRole("img", { name: "Start frame" })).toHaveCount(0);
});

test("a share link opens the script as a new draft", async ({ page: first, context }) => {
  let page = first;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await importScript(page, "two-streams.json");
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText("Share link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("#");

  await page.getByRole("button", { name: "New draft" }).click();
  await expect(entry(page, "start at 0.00 s")).toHaveCount(0);
  // A link opened in a new tab, as people open links.
  page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(/Opened the shared script/)).toBeVisible();
  await expect(entry(page, "interaction at 3.00 s")).toBeVisible();
  await expect(entry(page, "end at 12.00 s")).toBeVisible();
});
