// Images made on the spot, so tests carry no binary fixtures and every byte is explained.
import { createCanvas } from "@napi-rs/canvas";

export function pngDataUrl(width = 64, height = 48, colour = "#3b82f6"): string {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, width, height);
  return `data:image/png;base64,${canvas.toBuffer("image/png").toString("base64")}`;
}

export function jpegBytes(width = 64, height = 48): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#f97316";
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer("image/jpeg");
}

/** A PNG signature and IHDR claiming the given size, and nothing decodable after it. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "ascii");
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8;
  header[25] = 6;
  return Buffer.concat([header, Buffer.from("this is not image data at all")]);
}

export const asDataUrl = (mime: string, bytes: Buffer) =>
  `data:${mime};base64,${bytes.toString("base64")}`;
