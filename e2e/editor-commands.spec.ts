// The editor's commands from the registry, through the keyboard and the toolbar: single-key
// adds, play and pause, and the stream operations (duplicate, split, ripple delete, reorder,
// durations and the playhead's timecode).
import { expect, type Page, test } from "./test";
import { dragBy, entry, fixture, scriptTimes } from "./studio-helpers";

// The two-stream fixture: stream 1 from 0 to 9 s with an interaction at 3 s, stream 2 from 9
// to 12 s.
test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

const prompt = (page: Page) => page.getByRole("textbox", { name: "Prompt" });
const heading = (page: Page) => page.getByRole("heading", { level: 1, name: "Studio" });

async function setPlayhead(page: Page, text: string) {
  const field = page.getByRole("textbox", { name: "Playhead time" });
  await field.fill(text);
  await field.press("Enter");
}

test("S, I and E add a stream, an interaction and an end at the playhead", async ({ page }) => {
  await heading(page).click();
  await page.keyboard.press("End");
  await page.keyboard.press("s");
  await expect(entry(page, "start at 12.00 s")).toBeVisible();
  await expect(prompt(page)).toBeFocused();
  await page.keyboard.type("A harbour at dusk");

  await setPlayhead(page, "14");
  await heading(page).click();
  await page.keyboard.press("i");
  await expect(entry(page, "interaction at 14.00 s")).toBeVisible();
  await expect(prompt(page)).toBeFocused();
  await page.keyboard.type("Gulls take off");

  await setPlayhead(page, "0:15.5");
  await heading(page).click();
  await page.keyboard.press("e");
  await expect(entry(page, "end at 15.50 s")).toBeVisible();
  await expect
    .poll(() => scriptTimes(page))
    .toEqual([0, 3000, 9000, 9000, 12000, 12000, 14000, 15500]);
});

test("one play and pause command: Space and the preview's button", async ({ page }) => {
  await heading(page).click();
  await page.keyboard.press(" ");
  const pause = page.getByRole("button", { name: "Pause preview" });
  await expect(pause).toBeVisible();
  await pause.click();
  const play = page.getByRole("button", { name: "Play preview" });
  await expect(play).toBeVisible();
  // Space on a focused button presses that button: it never also plays.
  await page.getByRole("button", { name: "Add stream" }).focus();
  await page.keyboard.press(" ");
  await expect(entry(page, "start at 12.00 s")).toBeVisible();
  await expect(play).toBeVisible();
});

test("Duplicate stream places the copy after itself and ripples the rest", async ({ page }) => {
  await entry(page, "interaction at 3.00 s").click();
  await page.getByRole("button", { name: "Duplicate stream" }).click();
  await expect
    .poll(() => scriptTimes(page))
    .toEqual([0, 3000, 9000, 9000, 12000, 18000, 18000, 21000]);
  await expect(entry(page, "start at 18.00 s")).toBeVisible();
  // The copy is selected; its keys run the same command on it.
  await page.keyboard.press("Control+Shift+d");
  await expect
    .poll(() => scriptTimes(page))
    .toEqual([0, 3000, 9000, 9000, 12000, 18000, 18000, 21000, 27000, 27000, 30000]);
});

test("a duplicate far along the timeline is scrolled into view", async ({ page }) => {
  await entry(page, "start at 0.00 s").click();
  // Zoomed in, the end of the script is well off screen.
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(entry(page, "end at 12.00 s")).not.toBeInViewport();
  // The keyboard runs the same command as the toolbar: the copy comes after stream 2.
  await page.keyboard.press("Control+d");
  await expect(entry(page, "start at 12.00 s")).toBeInViewport();
});

test("Split at playhead starts a stream with the prompt in force there", async ({ page }) => {
  await setPlayhead(page, "0:05");
  await page.getByRole("button", { name: "Split at playhead" }).click();
  await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 5000, 5000, 9000, 9000, 12000]);
  // The new stream is selected: its start has the interaction's prompt of 3 s.
  await expect(prompt(page)).toHaveValue("Lightning flashes across the sky");
  // Where a part would be shorter than a second, there is nothing to split.
  await setPlayhead(page, "9.5");
  await expect(page.getByRole("button", { name: "Split at playhead" })).toBeDisabled();
});

test("ripple delete closes the gap; the context menu offers it too", async ({ page }) => {
  await entry(page, "start at 0.00 s").click();
  await page.keyboard.press("Shift+Delete");
  await expect.poll(() => scriptTimes(page)).toEqual([0, 3000]);
  await page.keyboard.press("Control+z");
  await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 9000, 9000, 12000]);
  await entry(page, "interaction at 3.00 s").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Ripple delete" }).click();
  await expect.poll(() => scriptTimes(page)).toEqual([0, 9000, 9000, 12000]);
});

test("a stream's duration and the playhead's timecode are typed", async ({ page }) => {
  await entry(page, "start at 9.00 s").click();
  const duration = page.getByRole("textbox", { name: "Duration (seconds)" });
  await duration.fill("2");
  await duration.press("Enter");
  await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 9000, 9000, 11000]);
  // Stream 1 cannot grow into stream 2: the field says where it was kept.
  await entry(page, "start at 0.00 s").click();
  await duration.fill("20");
  await duration.press("Enter");
  await expect(duration).toHaveValue("9.00");
  await expect(duration).toHaveAccessibleDescription(/^Kept at 9.00 s/);

  await setPlayhead(page, "1:02.5");
  await expect(page.getByRole("slider", { name: "Playhead" })).toHaveAttribute(
    "aria-valuenow",
    "62500",
  );
  await page.getByRole("textbox", { name: "Playhead time" }).fill("soon");
  await page.getByRole("textbox", { name: "Playhead time" }).press("Enter");
  await expect(page.getByRole("textbox", { name: "Playhead time" })).toHaveAccessibleDescription(
    "Enter a time in seconds, like 3.25",
  );
});

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1600, height: 900 } });

  test("dragging a stream past another reorders them", async ({ page }) => {
    const track = page.getByRole("region", { name: "Timeline" });
    // Stream 2 (3 s) to 1 s: its middle passes stream 1's (4.5 s).
    await dragBy(page, track.getByRole("button", { name: /^stream 2 from 9.00 s/ }), -8 * 80);
    // Stream 2 now comes first, and stream 1 (9 s, interaction 3 s in) follows it.
    await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 3000, 6000, 12000]);
    const script = JSON.parse(
      await page.getByRole("textbox", { name: "The script as JSON" }).inputValue(),
    ) as { start?: { prompt: string } }[];
    expect(script[0]?.start?.prompt).toBe("A quiet desert at dawn");
  });
});
