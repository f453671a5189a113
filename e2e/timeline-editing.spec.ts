import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { dragBy, entry, fileTransfer, fixture, scriptTimes } from "./studio-helpers";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

test("shift-click selects several entries, which move and delete together", async ({ page }) => {
  await entry(page, "interaction at 3.00 s").click();
  await entry(page, "start at 9.00 s").click({ modifiers: ["Shift"] });
  await expect(page.getByRole("heading", { name: "2 entries selected" })).toBeVisible();
  await page.keyboard.press("Shift+ArrowRight");
  // The second stream moves whole; the interaction moves inside the first.
  await expect.poll(() => scriptTimes(page)).toEqual([0, 4000, 9000, 10000, 13000]);
  await page.keyboard.press("Delete");
  await expect.poll(() => scriptTimes(page)).toEqual([0, 9000]);
  await page.keyboard.press("Control+z");
  await expect.poll(() => scriptTimes(page)).toEqual([0, 4000, 9000, 10000, 13000]);
});

test("double-click and the context menu add entries where they are", async ({ page }) => {
  const track = page.getByRole("region", { name: "Timeline" });
  const clip = track.getByRole("button", { name: "stream 1 from 0.00 s to 9.00 s" });
  await clip.scrollIntoViewIfNeeded();
  const box = (await clip.boundingBox())!;
  // 80 px per second: 6 s into the first stream.
  await page.mouse.dblclick(box.x + 6 * 80, box.y + box.height - 10);
  await expect(entry(page, "interaction at 6.00 s")).toBeVisible();
  // What is typed next is the new interaction's prompt.
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeFocused();
  await page.keyboard.type("Thunder rolls");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toHaveValue("Thunder rolls");

  // Right-click after the last stream: a new stream there. Focusing the prompt may have
  // scrolled the page, so the clip is measured again, in the middle of the window where no
  // toast covers it.
  await clip.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const after = (await clip.boundingBox())!;
  await page.mouse.click(after.x + 14 * 80, after.y + after.height / 2, { button: "right" });
  await page.getByRole("menuitem", { name: "Add stream here" }).click();
  await expect(entry(page, "start at 14.00 s")).toBeVisible();
  await expect(entry(page, "end at 19.00 s")).toBeVisible();

  // Double-click on the empty track 5 s after it: a stream, and its prompt takes the typing
  // (a space included, which would otherwise toggle playback).
  const end = entry(page, "end at 19.00 s");
  await end.evaluate((element) => element.scrollIntoView({ block: "center", inline: "center" }));
  const endBox = (await end.boundingBox())!;
  const row = (await clip.boundingBox())!;
  const before = (await scriptTimes(page)).length;
  await page.mouse.dblclick(endBox.x + endBox.width / 2 + 5 * 80, row.y + row.height - 10);
  await expect.poll(async () => (await scriptTimes(page)).length).toBeGreaterThan(before);
  expect(Math.max(...(await scriptTimes(page)))).toBeGreaterThan(23_000);
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeFocused();
  await page.keyboard.type("A quiet harbour");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toHaveValue("A quiet harbour");
});

test("copy, paste and duplicate with the keyboard", async ({ page }) => {
  await entry(page, "start at 9.00 s").click();
  await page.keyboard.press("Control+d");
  await expect(entry(page, "start at 12.00 s")).toBeVisible();
  await entry(page, "interaction at 3.00 s").click();
  await page.keyboard.press("Control+c");
  // Move the playhead into the second stream, then paste there.
  await page.getByRole("slider", { name: "Playhead" }).focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 10; i++) await page.keyboard.press("Shift+ArrowRight");
  await page.getByRole("heading", { level: 1, name: "Studio" }).click();
  await page.keyboard.press("Control+v");
  await expect(entry(page, "interaction at 10.00 s")).toBeVisible();
});

test("the list view edits the same draft", async ({ page }) => {
  await page.getByRole("radio", { name: "List view" }).check();
  const entries = page.getByRole("region", { name: "Entries" });
  const time = entries.getByRole("textbox", {
    name: "Time of the interaction of stream 1 at 3.00 s",
  });
  await time.fill("4.5");
  await time.press("Enter");
  const prompt = entries.getByRole("textbox", {
    name: "Prompt of the start of stream 2 at 9.00 s",
  });
  await prompt.fill("A frozen lake at noon");
  await page.getByRole("radio", { name: "Timeline view" }).check();
  await expect(entry(page, "interaction at 4.50 s")).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(
    "A frozen lake at noon",
  );
});

test("drafts: new, rename, switch, and delete with undo", async ({ page }) => {
  await page.getByRole("textbox", { name: "Draft name" }).fill("City and desert");
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(entry(page, "start at 0.00 s")).toHaveCount(0);
  const switcher = page.getByRole("combobox", { name: "Open draft" });
  await expect(switcher.getByRole("option", { name: "City and desert" })).toHaveCount(1);
  await switcher.selectOption({ label: "City and desert" });
  await expect(entry(page, "start at 9.00 s")).toBeVisible();

  await page.getByRole("button", { name: "Delete draft" }).click();
  await page
    .getByRole("group", { name: "Confirm delete" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(entry(page, "start at 9.00 s")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue("City and desert");
});

test("a script dropped anywhere on the studio opens as a new draft", async ({ page }) => {
  const text = readFileSync(fixture("two-streams.json"), "utf8").replace(
    "A quiet desert",
    "A loud desert",
  );
  const dataTransfer = await fileTransfer(page, {
    name: "dropped.json",
    type: "application/json",
    text,
  });
  const target = page.getByRole("region", { name: "Problems" });
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("Imported dropped.json as a new draft")).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("A loud desert");
});

test("an image dropped on a stream on the timeline becomes its start's image", async ({ page }) => {
  const dataTransfer = await fileTransfer(page, {
    name: "frame.png",
    type: "image/png",
    fixture: "frame.png",
  });
  const clip = page
    .getByRole("region", { name: "Timeline" })
    .getByRole("button", { name: "stream 2 from 9.00 s to 12.00 s" });
  await clip.dispatchEvent("dragenter", { dataTransfer });
  await clip.dispatchEvent("drop", { dataTransfer });
  await entry(page, "start at 9.00 s").click();
  await expect(page.getByRole("img", { name: "Start frame" })).toHaveAttribute(
    "src",
    /^data:image\/png;base64,/,
  );
  // The drop did not also import anything: still the same draft.
  await expect(page.getByText(/Imported frame/)).toHaveCount(0);
});

test("dragging an image outlines the stream that would take it and says so", async ({ page }) => {
  const dataTransfer = await fileTransfer(page, {
    name: "frame.png",
    type: "image/png",
    fixture: "frame.png",
  });
  const clip = page
    .getByRole("region", { name: "Timeline" })
    .getByRole("button", { name: "stream 2 from 9.00 s to 12.00 s" });
  const problems = page.getByRole("region", { name: "Problems" });
  await problems.dispatchEvent("dragenter", { dataTransfer });
  await expect(page.getByRole("status").filter({ hasText: /^Drop a script/ })).toBeVisible();

  await clip.dispatchEvent("dragover", { dataTransfer });
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Drop to set the image of “A quiet desert at dawn”" }),
  ).toBeVisible();
  // The outline sits on the stream under the pointer (a drag has no role to find it by).
  const outline = page.getByTestId("drop-highlight");
  await expect(outline).toBeVisible();
  const [outlined, stream] = [await outline.boundingBox(), await clip.boundingBox()];
  expect(outlined).not.toBeNull();
  for (const side of ["x", "y", "width", "height"] as const) {
    expect(Math.abs(outlined![side] - stream![side])).toBeLessThan(2);
  }

  // Off the streams, an image has nowhere to go, and the outline leaves.
  await problems.dispatchEvent("dragover", { dataTransfer });
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Drop the image on a stream to set its start's image" }),
  ).toBeVisible();
  await expect(outline).toHaveCount(0);

  // As a real drag does once the overlay covers the page: the events land on the overlay, at
  // the pointer over the stream, and the drop goes to what is under it.
  const message = page.getByRole("status").filter({ hasText: /^Drop/ });
  const at = { clientX: stream!.x + stream!.width / 2, clientY: stream!.y + stream!.height / 2 };
  await message.dispatchEvent("dragover", { dataTransfer, ...at });
  await expect(message).toHaveText("Drop to set the image of “A quiet desert at dawn”");
  await message.dispatchEvent("drop", { dataTransfer, ...at });
  await expect(message).toHaveCount(0);
  await entry(page, "start at 9.00 s").click();
  await expect(page.getByRole("img", { name: "Start frame" })).toHaveAttribute(
    "src",
    /^data:image\/png;base64,/,
  );
});

test("a file that is not an image, dropped on a stream, says so and changes nothing", async ({
  page,
}) => {
  const dataTransfer = await fileTransfer(page, {
    name: "notes.txt",
    type: "text/plain",
    text: "Meeting notes",
  });
  const clip = page
    .getByRole("region", { name: "Timeline" })
    .getByRole("button", { name: "stream 2 from 9.00 s to 12.00 s" });
  await clip.dispatchEvent("dragenter", { dataTransfer });
  await expect(page.getByRole("status").filter({ hasText: /^Drop a script/ })).toBeVisible();
  await clip.dispatchEvent("dragover", { dataTransfer });
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Only an image can be the image of “A quiet desert at dawn”" }),
  ).toBeVisible();
  await clip.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("notes.txt is not a JPEG, PNG or WebP image.")).toBeVisible();
  await entry(page, "start at 9.00 s").click();
  await expect(page.getByRole("button", { name: "Add an image" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Start frame" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue("two-streams");
});

test("a dropped file that is not a script says what is wrong and opens nothing", async ({
  page,
}) => {
  const dataTransfer = await fileTransfer(page, {
    name: "broken.json",
    type: "application/json",
    text: "{ not a script",
  });
  const problems = page.getByRole("region", { name: "Problems" });
  await problems.dispatchEvent("dragenter", { dataTransfer });
  await problems.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("Could not import broken.json")).toBeVisible();
  await expect(page.getByText(/This is not JSON/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue("two-streams");
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

test("space plays the preview and ? lists the shortcuts", async ({ page }) => {
  await page.getByRole("heading", { level: 1, name: "Studio" }).click();
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Pause preview" })).toBeVisible();
  await expect(page.getByRole("slider", { name: "Playhead" })).not.toHaveAttribute(
    "aria-valuenow",
    "0",
  );
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Play preview" })).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});

test.describe("on a wide screen", () => {
  // Wide enough that no drag comes near the edge, where the timeline scrolls by itself.
  test.use({ viewport: { width: 1600, height: 900 } });

  test("drags a whole stream, resizes it by its end, and ripples with Alt", async ({ page }) => {
    const track = page.getByRole("region", { name: "Timeline" });
    // 80 px per second at the default zoom.
    await dragBy(page, track.getByRole("button", { name: "stream 2 from 9.00 s to 12.00 s" }), 160);
    await expect(
      track.getByRole("button", { name: "stream 2 from 11.00 s to 14.00 s" }),
    ).toBeVisible();
    await dragBy(page, entry(page, "end at 14.00 s"), 80);
    await expect(entry(page, "end at 15.00 s")).toBeVisible();
    // Lengthening the first stream by a second with Alt pushes the second one along.
    await dragBy(page, entry(page, "end at 9.00 s"), 80, { alt: true });
    await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 10000, 12000, 16000]);
    // Without ripple, a stream stops at its neighbour.
    await dragBy(page, entry(page, "end at 10.00 s"), 400);
    await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 12000, 12000, 16000]);
  });

  test("a selection dragged with Alt ripples: every later entry moves with it", async ({
    page,
  }) => {
    await entry(page, "interaction at 3.00 s").click();
    await entry(page, "start at 9.00 s").click({ modifiers: ["Shift"] });
    await dragBy(page, entry(page, "interaction at 3.00 s"), 80, { alt: true });
    // The first stream's end moves too, though it was not selected.
    await expect.poll(() => scriptTimes(page)).toEqual([0, 4000, 10000, 10000, 13000]);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => scriptTimes(page)).toEqual([0, 3000, 9000, 9000, 12000]);
    // Without ripple only the selection moves.
    await dragBy(page, entry(page, "interaction at 3.00 s"), 80);
    await expect.poll(() => scriptTimes(page)).toEqual([0, 4000, 9000, 10000, 13000]);
  });
});
