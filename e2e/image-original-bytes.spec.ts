// A start's image as the SDK sends it: already at the model's frame, its own bytes; any other
// size, cropped and resized to the frame.
import { expect, type Page, test } from "./test";
import { readFileSync } from "node:fs";
import { fixture } from "./studio-helpers";

// 1280x704, flat colour, with a tEXt chunk that any canvas re-encode drops.
const AT_FRAME = "frame-1280x704-text.png";

interface Entry {
  timestamp_ms: number;
  start?: { prompt: string; image?: string };
}

// The exported file, not the script panel's text box: the panel shortens image data URLs.
async function exportedImage(page: Page): Promise<string | undefined> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const text = readFileSync(await (await download).path(), "utf8");
  return (JSON.parse(text) as Entry[]).find((e) => e.start)?.start?.image;
}

function decode(dataUrl: string): { type: string; bytes: Buffer } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error(`not a base64 data URL: ${dataUrl.slice(0, 40)}`);
  return { type: match[1]!, bytes: Buffer.from(match[2]!, "base64") };
}

/** Width and height from a PNG's IHDR, which always directly follows the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function addStreamWithImage(page: Page, name: string) {
  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("A harbour at dusk");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add an image" }).click();
  await (await chooser).setFiles(fixture(name));
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Add stream" })).toBeEnabled();
  // A new draft is landscape, so its frame is 1280x704.
  await expect(page.getByRole("radio", { name: "Landscape" })).toBeChecked();
});

test("an image already at the frame is exported as its original bytes", async ({ page }) => {
  const original = readFileSync(fixture(AT_FRAME));
  expect(original.includes("tEXt", 0, "latin1")).toBe(true);
  await addStreamWithImage(page, AT_FRAME);

  await expect.poll(() => exportedImage(page)).toMatch(/^data:image\/png;base64,/);
  const { type, bytes } = decode((await exportedImage(page))!);
  expect(type).toBe("image/png");
  expect(bytes.equals(original)).toBe(true);
});

test("an image of another size is cropped and resized to the frame", async ({ page }) => {
  const original = readFileSync(fixture("frame.png"));
  expect(pngSize(original)).not.toEqual({ width: 1280, height: 704 });
  await addStreamWithImage(page, "frame.png");

  await expect.poll(() => exportedImage(page)).toMatch(/^data:image\/png;base64,/);
  const { bytes } = decode((await exportedImage(page))!);
  expect(pngSize(bytes)).toEqual({ width: 1280, height: 704 });
});

test("an at-frame image is re-cropped for the other orientation and restored on the way back", async ({
  page,
}) => {
  const original = readFileSync(fixture(AT_FRAME));
  await addStreamWithImage(page, AT_FRAME);
  await expect
    .poll(async () => decode((await exportedImage(page))!).bytes.length)
    .toBe(original.length);

  await page.getByRole("radio", { name: "Portrait" }).check();
  await expect
    .poll(async () => pngSize(decode((await exportedImage(page))!).bytes))
    .toEqual({ width: 704, height: 1280 });
  const portrait = decode((await exportedImage(page))!).bytes;
  expect(portrait.includes("tEXt", 0, "latin1")).toBe(false);

  await page.getByRole("radio", { name: "Landscape" }).check();
  await expect
    .poll(async () => decode((await exportedImage(page))!).bytes.equals(original))
    .toBe(true);
});
