// Start images are checked from their bytes before anything decodes them: the type by magic
// numbers (never the data URL's claim alone) and the size from the header, so an image that
// would decode to gigabytes is refused at submit without allocating its pixels.
import { imageSize } from "image-size";
import type { AcceptedImageType } from "../../src/contract/script";

/** The widest or tallest start image the engine takes. */
export const MAX_IMAGE_SIDE = 8000;
/** The most pixels a start image may have: 40 megapixels, 160 MB once decoded to RGBA. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export type DecodedImage = {
  bytes: Buffer;
  mime: AcceptedImageType;
  width: number;
  height: number;
};
export type ImageCheck = { ok: true; image: DecodedImage } | { ok: false; message: string };

export function sniffImageType(bytes: Uint8Array): AcceptedImageType | "gif" | "bmp" | null {
  const at = (i: number) => bytes[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return "image/png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (ascii(bytes, 0, 4) === "GIF8") return "gif";
  if (ascii(bytes, 0, 2) === "BM") return "bmp";
  return null;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** Width and height as the decoder will see them; null when they cannot be read safely. */
export function readDimensions(
  bytes: Uint8Array,
  mime: AcceptedImageType,
): { width: number; height: number } | null {
  if (mime === "image/jpeg" && !isPlainJpegHeader(bytes)) return null;
  // image-size reads through DataViews that run on to the end of the underlying ArrayBuffer, so
  // a header cut short inside a pooled Buffer would be completed from unrelated bytes; a copy
  // that ends where the file ends makes it throw instead.
  const exact =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes
      : new Uint8Array(bytes);
  try {
    const size = imageSize(exact);
    if (!(size.width > 0 && size.height > 0)) return null;
    return { width: size.width, height: size.height };
  } catch {
    return null;
  }
}

/**
 * Whether a JPEG's header, up to its first scan, is an unbroken chain of segments that each
 * carry a length, with exactly one frame header. image-size (like any header reader) assumes
 * that shape, while libjpeg also skips stray bytes and length-less markers such as TEM (FF01):
 * a TEM before a segment hiding a decoy frame header made both header readers see 64x48 while
 * the decoder found a 20000x20000 frame. Only where the two must read the same bytes is the
 * size trusted; anything else is refused rather than guessed at.
 */
function isPlainJpegHeader(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let frames = 0;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    const marker = bytes[offset + 1] as number;
    if (bytes[offset] !== 0xff || !carriesLength(marker)) return false;
    if (marker === 0xda) return frames === 1;
    if (isFrameHeader(marker)) frames++;
    const length = view.getUint16(offset + 2);
    if (length < 2) return false;
    offset += 2 + length;
  }
  return false;
}

/** C0..FE but for RST0-7, SOI and EOI; TEM (01) and the reserved 02..BF have no length. */
const carriesLength = (marker: number) =>
  marker >= 0xc0 && marker <= 0xfe && (marker < 0xd0 || marker > 0xd9);

/** SOF0..SOF15, but for DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrameHeader = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

const TYPE_NAMES: Record<string, string> = {
  "image/jpeg": "a JPEG",
  "image/png": "a PNG",
  "image/webp": "a WebP",
  gif: "a GIF",
  bmp: "a BMP",
};

/** Checks a start image that already passed `validateScript` (a well-formed data URL). */
export function checkImageDataUrl(dataUrl: string, label: string): ImageCheck {
  const comma = dataUrl.indexOf(",");
  const claimed = dataUrl.slice("data:".length, comma - ";base64".length).toLowerCase();
  const bytes = Buffer.from(dataUrl.slice(comma + 1), "base64");
  const actual = sniffImageType(bytes);
  if (actual === null) {
    return { ok: false, message: `the image of the ${label} is not a JPEG, PNG or WebP file` };
  }
  if (actual === "gif" || actual === "bmp") {
    return {
      ok: false,
      message: `the image of the ${label} is ${TYPE_NAMES[actual]}; use JPEG, PNG or WebP`,
    };
  }
  if (actual !== claimed) {
    return {
      ok: false,
      message: `the image of the ${label} says ${claimed} but its bytes are ${TYPE_NAMES[actual]}`,
    };
  }
  const size = readDimensions(bytes, actual);
  if (!size) {
    return {
      ok: false,
      message: `the image of the ${label} is ${TYPE_NAMES[actual]} whose size cannot be read from its header; save it again as a plain JPEG, PNG or WebP`,
    };
  }
  const { width, height } = size;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      message: `the image of the ${label} is ${width}x${height} pixels; the engine takes at most ${MAX_IMAGE_SIDE} px a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
    };
  }
  return { ok: true, image: { bytes, mime: actual, width, height } };
}
