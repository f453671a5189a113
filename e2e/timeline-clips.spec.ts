// Clips that read like an editor's: names and colours, prompts on the clip, a minimap, "Fit"
// for any length, and a preview that follows the selection.
import { writeFileSync } from "node:fs";
import { expect, test } from "./test";
import { entry, fixture } from "./studio-helpers";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

test("a clip shows its name, its length and its interactions' prompts", async ({ page }) => {
  const track = page.getByRole("region", { name: "Timeline" });
  const first = track.getByRole("button", { name: /^stream 1 from 0.00 s to 9.00 s/ });
  await expect(first).toContainText("A rainy neon street at night");
  await expect(first).toContainText("9.00 s");
  await expect(first).toContainText("Lightning flashes across the sky");

  // A name and a colour of the creator's own, kept out of the script.
  await entry(page, "start at 9.00 s").click();
  // Folded in a window this short (1280x720), so the rest of the inspector fits.
  await page.getByText("Name and colour").click();
  await page.getByRole("textbox", { name: "Stream name" }).fill("Desert opening");
  await page.getByRole("radio", { name: "Amber" }).check();
  const second = track.getByRole("button", { name: /^stream 2 from 9.00 s/ });
  await expect(second).toContainText("Desert opening");
  const script = await page.getByRole("textbox", { name: "The script as JSON" }).inputValue();
  expect(script).not.toContain("Desert opening");
  expect(script).not.toContain("#f59e0b");
  // The name is kept with the draft.
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Timeline" }).getByRole("button", { name: /^stream 2 from/ }),
  ).toContainText("Desert opening");
});

test("the preview follows the selection, and the playhead again once it moves", async ({
  page,
}) => {
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("A rainy neon street at night");
  await entry(page, "interaction at 3.00 s").click();
  await expect(preview).toContainText("Lightning flashes across the sky");
  await entry(page, "start at 9.00 s").click();
  await expect(preview).toContainText("A quiet desert at dawn");
  await page.getByRole("slider", { name: "Playhead" }).focus();
  await page.keyboard.press("Shift+ArrowRight");
  await expect(preview).toContainText("A rainy neon street at night");
});

test("Fit shows an hour-long script whole; the minimap moves the view", async ({
  page,
}, testInfo) => {
  // Sixty one-minute streams.
  const script = Array.from({ length: 60 }, (_, i) => [
    { timestamp_ms: i * 60_000, start: { prompt: `Scene ${i + 1}` } },
    { timestamp_ms: (i + 1) * 60_000, end: {} },
  ]).flat();
  const file = testInfo.outputPath("hour.json");
  writeFileSync(file, JSON.stringify(script));
  await page.getByLabel("Import script").setInputFiles(file);
  await expect(entry(page, "start at 0.00 s")).toBeVisible();

  const minimap = page.getByRole("slider", { name: "Visible part of the timeline" });
  await minimap.focus();
  await page.keyboard.press("End");
  await expect(entry(page, "end at 3600.00 s")).toBeInViewport();
  await page.keyboard.press("Home");
  await expect(entry(page, "start at 0.00 s")).toBeInViewport();

  await page.getByRole("button", { name: "Fit" }).click();
  await expect(entry(page, "start at 0.00 s")).toBeInViewport();
  await expect(entry(page, "end at 3600.00 s")).toBeInViewport();
});

test("a stream is named after its prompt until renamed, and back once the name is cleared", async ({
  page,
}) => {
  const second = page
    .getByRole("region", { name: "Timeline" })
    .getByRole("button", { name: /^stream 2 from 9.00 s/ });
  await entry(page, "start at 9.00 s").click();
  // Folded under "Name and colour" in a window this short (1280x720).
  await page.getByText("Name and colour").click();
  const name = page.getByRole("textbox", { name: "Stream name" });
  await expect(name).toHaveValue("");
  await expect(name).toHaveAttribute("placeholder", "A quiet desert at dawn");
  await expect(second).toContainText("A quiet desert at dawn");
  await name.fill("Desert opening");
  await expect(second).toContainText("Desert opening");
  await name.fill("");
  await expect(second).toContainText("A quiet desert at dawn");
});

test("an interaction's prompt is written on its clip when the zoom leaves room for it", async ({
  page,
}) => {
  const track = page.getByRole("region", { name: "Timeline" });
  const first = track.getByRole("button", { name: /^stream 1 from 0.00 s to 9.00 s/ });
  const label = first.getByText("Lightning flashes across the sky", { exact: true });
  await expect(label).toBeVisible();
  // Zoomed out, six seconds of clip are too narrow for the words: they give way.
  for (let clicks = 0; clicks < 10 && (await label.count()) > 0; clicks++) {
    await track.getByRole("button", { name: "Zoom out" }).click();
  }
  await expect(label).toHaveCount(0);
  await expect(first).toBeVisible();
  // Zoomed in again, they are back.
  for (let clicks = 0; clicks < 10 && (await label.count()) === 0; clicks++) {
    await track.getByRole("button", { name: "Zoom in" }).click();
  }
  await expect(label).toBeVisible();
});
