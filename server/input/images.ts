// Start images are checked from their bytes before anything decodes them: the type by magic
// numbers (never the data URL's claim alone) and the size from the header, so a 100,000 px
// "decompression bomb" is refused without allocating its pixels.
import type { AcceptedImageType } from "../../src/contract/script";

export const MAX_IMAGE_SIDE = 4096;

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

/** Width and height from the header alone; null when the header is not what it claims. */
export function readDimensions(
  bytes: Buffer,
  mime: AcceptedImageType,
): { width: number; height: number } | null {
  try {
    if (mime === "image/png") {
      if (bytes.length < 24 || ascii(bytes, 12, 16) !== "IHDR") return null;
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    }
    if (mime === "image/webp") return webpDimensions(bytes);
    return jpegDimensions(bytes);
  } catch {
    return null;
  }
}

function webpDimensions(bytes: Buffer): { width: number; height: number } | null {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === "VP8 " && bytes.length >= 30) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === "VP8L" && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X" && bytes.length >= 30) {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  return null;
}

function jpegDimensions(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

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
  if (!size || size.width === 0 || size.height === 0) {
    return {
      ok: false,
      message: `the image of the ${label} is ${TYPE_NAMES[actual]} with a damaged header`,
    };
  }
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return {
      ok: false,
      message: `the image of the ${label} is ${size.width}x${size.height} pixels; the limit is ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE}`,
    };
  }
  return { ok: true, image: { bytes, mime: actual, ...size } };
}
