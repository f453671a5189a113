// @vitest-environment jsdom
// jsdom decodes no images, so createImageBitmap is stubbed to report a size; the pixels are
// never looked at on the path under test. e2e/image-original-bytes.spec.ts decodes for real.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prepareImage, shortFileName } from "./images";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const WEBP = [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50];

function decodesAt(width: number, height: number) {
  const close = vi.fn();
  vi.stubGlobal(
    "createImageBitmap",
    vi.fn(() => Promise.resolve({ width, height, close })),
  );
  return close;
}

// Every byte value, so a base64 slip anywhere shows; the file's own type is deliberately wrong.
function imageFile(magic: number[], name = "picture.bin"): { file: File; bytes: Uint8Array } {
  const bytes = new Uint8Array([...magic, ...Array.from({ length: 70_000 }, (_, i) => i % 256)]);
  return { file: new File([bytes], name, { type: "application/octet-stream" }), bytes };
}

function base64Bytes(dataUrl: string, type: string): Uint8Array {
  const prefix = `data:${type};base64,`;
  expect(dataUrl.startsWith(prefix)).toBe(true);
  return Uint8Array.from(atob(dataUrl.slice(prefix.length)), (c) => c.charCodeAt(0));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("prepareImage", () => {
  it.each([
    ["image/png", PNG, false, 1280, 704],
    ["image/jpeg", JPEG, false, 1280, 704],
    ["image/webp", WEBP, true, 704, 1280],
  ] as const)(
    "sends a %s image already at the frame as its original bytes",
    async (type, magic, portrait, width, height) => {
      const close = decodesAt(width, height);
      const { file, bytes } = imageFile([...magic]);
      const getContext = vi.spyOn(HTMLCanvasElement.prototype, "getContext");

      const result = await prepareImage(file, portrait);

      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(base64Bytes(result.dataUrl, type)).toEqual(bytes);
      expect({ width: result.width, height: result.height }).toEqual({ width, height });
      expect(close).toHaveBeenCalled();
      expect(getContext).not.toHaveBeenCalled();
    },
  );

  it.each([
    ["the other orientation's frame", 704, 1280],
    ["another size", 320, 180],
  ])("resizes an image at %s through a canvas", async (_, width, height) => {
    decodesAt(width, height);
    const { file } = imageFile(PNG);
    // No 2D context: the resize path answers with its own message, which shows it was taken.
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);

    const result = await prepareImage(file, false);

    expect(getContext).toHaveBeenCalledWith("2d");
    expect(result).toEqual({ ok: false, message: "This browser cannot resize images." });
  });

  it("still refuses a file that is not a JPEG, PNG or WebP", async () => {
    decodesAt(1280, 704);
    const { file } = imageFile([0x47, 0x49, 0x46, 0x38], "anim.gif");
    expect(await prepareImage(file, false)).toEqual({
      ok: false,
      message: "anim.gif is not a JPEG, PNG or WebP image.",
    });
  });

  it("names a long file by its start and its extension, cut in the middle", async () => {
    const { file } = imageFile(
      [0x47, 0x49, 0x46, 0x38],
      "a-very-long-file-name-of-a-holiday-photo-that-is-not-an-image.gif",
    );
    expect(await prepareImage(file, false)).toEqual({
      ok: false,
      message: "a-very-long-file-na…mage.gif is not a JPEG, PNG or WebP image.",
    });
  });
});

describe("shortFileName", () => {
  it.each([
    ["photo.jpg", "photo.jpg"],
    ["exactly-twenty-eight-chars.p", "exactly-twenty-eight-chars.p"],
    ["IMG_20260412_183355_HDR_portrait.jpeg", "IMG_20260412_18335…rait.jpeg"],
    ["a-name-without-any-extension-at-all", "a-name-without-any-…n-at-all"],
  ])("%s -> %s", (name, shown) => {
    const short = shortFileName(name);
    expect(short).toBe(shown);
    expect(short.length).toBeLessThanOrEqual(28);
  });
});
