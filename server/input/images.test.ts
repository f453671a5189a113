// The start-image check on made-up files: what it accepts, the sizes it refuses, and the JPEG
// that shows header readers a small decoy while the decoder allocates the real frame.
import { loadImage } from "@napi-rs/canvas";
import { imageSize } from "image-size";
import { describe, expect, it } from "vitest";
import {
  asDataUrl,
  jpegBytes,
  jpegClaiming,
  jpegHidingItsSize,
  pngDataUrl,
  pngHeaderOnly,
  webpBytes,
} from "../test/fixtures";
import { checkImageDataUrl, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, readDimensions } from "./images";

const LABEL = "start at 0.00 s";
const check = (mime: string, bytes: Buffer) => checkImageDataUrl(asDataUrl(mime, bytes), LABEL);
const refusal = (mime: string, bytes: Buffer) => {
  const result = check(mime, bytes);
  if (result.ok)
    throw new Error(`expected a refusal, got ${result.image.width}x${result.image.height}`);
  return result.message;
};
const tooLarge = (width: number, height: number) =>
  `the image of the start at 0.00 s is ${width}x${height} pixels; the engine takes at most 8000 px a side and 40 megapixels`;
const unreadable = (type: string) =>
  `the image of the start at 0.00 s is ${type} whose size cannot be read from its header; save it again as a plain JPEG, PNG or WebP`;

describe("checkImageDataUrl", () => {
  it("accepts small JPEG, PNG and WebP images and reads their size", () => {
    expect(check("image/jpeg", jpegBytes(64, 48))).toMatchObject({
      ok: true,
      image: { mime: "image/jpeg", width: 64, height: 48 },
    });
    expect(checkImageDataUrl(pngDataUrl(320, 200), LABEL)).toMatchObject({
      ok: true,
      image: { mime: "image/png", width: 320, height: 200 },
    });
    expect(check("image/webp", webpBytes(30, 20))).toMatchObject({
      ok: true,
      image: { mime: "image/webp", width: 30, height: 20 },
    });
  });

  it("states its limits as 8000 px a side and 40 megapixels", () => {
    expect(MAX_IMAGE_SIDE).toBe(8000);
    expect(MAX_IMAGE_PIXELS).toBe(40_000_000);
  });

  it("refuses more than 8000 px a side or 40 megapixels, from the header alone", () => {
    expect(refusal("image/png", pngHeaderOnly(9000, 100))).toBe(tooLarge(9000, 100));
    expect(refusal("image/png", pngHeaderOnly(100, 9000))).toBe(tooLarge(100, 9000));
    // 49 megapixels, each side under 8000.
    expect(refusal("image/png", pngHeaderOnly(7000, 7000))).toBe(tooLarge(7000, 7000));
    expect(refusal("image/jpeg", jpegClaiming(20000, 20000))).toBe(tooLarge(20000, 20000));
    // Exactly at both limits: taken at submit (this one then fails to decode in the renderer).
    expect(check("image/png", pngHeaderOnly(8000, 5000))).toMatchObject({
      ok: true,
      image: { width: 8000, height: 5000 },
    });
  });

  it("refuses a JPEG whose TEM marker shows header readers a decoy frame", async () => {
    const hiding = jpegHidingItsSize(9000, 100);
    // The decoder allocates the true frame (9000x100 is small enough to decode here) ...
    const decoded = await loadImage(hiding);
    expect([decoded.width, decoded.height]).toEqual([9000, 100]);
    // ... while a header reader that gives TEM a length, image-size included, sees the decoy.
    // If image-size one day reads this right, the check below is what still must hold.
    expect(imageSize(hiding)).toMatchObject({ width: 64, height: 48 });

    expect(refusal("image/jpeg", hiding)).toBe(unreadable("a JPEG"));
    expect(refusal("image/jpeg", jpegHidingItsSize(20000, 20000))).toBe(unreadable("a JPEG"));
    expect(refusal("image/jpeg", jpegHidingItsSize(30000, 30000))).toBe(unreadable("a JPEG"));
  });

  it("refuses, in words, an image whose size cannot be read", () => {
    expect(refusal("image/png", pngHeaderOnly(0, 48))).toBe(unreadable("a PNG"));
    const jpeg = jpegBytes();
    // SOI and the first segment, cut off before any frame header.
    expect(refusal("image/jpeg", jpeg.subarray(0, 4 + jpeg.readUInt16BE(4)))).toBe(
      unreadable("a JPEG"),
    );
    const webp = Buffer.from(webpBytes());
    webp.write("VP8?", 12, "ascii");
    expect(refusal("image/webp", webp)).toBe(unreadable("a WebP"));
  });

  it("reads no further than the file, even inside a larger buffer", () => {
    // The PNG stops after its width; the bytes after it in memory would read as a height of 48.
    const memory = Buffer.concat([
      pngHeaderOnly(64, 48).subarray(0, 20),
      Buffer.from([0, 0, 0, 48]),
    ]);
    expect(readDimensions(memory.subarray(0, 20), "image/png")).toBeNull();
    expect(readDimensions(memory.subarray(0, 24), "image/png")).toEqual({ width: 64, height: 48 });
  });

  it("trusts the bytes over the data URL's claim", () => {
    expect(refusal("image/png", jpegBytes())).toBe(
      "the image of the start at 0.00 s says image/png but its bytes are a JPEG",
    );
    expect(refusal("image/jpeg", Buffer.from("GIF89a-------"))).toBe(
      "the image of the start at 0.00 s is a GIF; use JPEG, PNG or WebP",
    );
  });
});
