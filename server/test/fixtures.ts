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

/** A real WebP from the canvas encoder. */
export function webpBytes(width = 64, height = 48): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#22c55e";
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer("image/webp");
}

/**
 * A JPEG whose frame header says `width` x `height` but whose header readers are shown a decoy
 * 64x48 frame: the shape that hid 20000x20000 images from a hand-written header walker (and
 * from image-size, which reads segments the same way). libjpeg reads it as follows:
 *
 *   FF D8                 SOI
 *   FF 01                 TEM, a marker with no length
 *   00 08                 stray bytes, skipped with a warning
 *   FF FE 00 17 00 00 <decoy SOF0, 19 bytes>   a comment, skipped whole
 *   FF E0 ...             the encoder's own segments, with its SOF0 rewritten to the true size
 *
 * A header reader that gives TEM a length takes "00 08" as one and lands on the decoy inside
 * the comment. The scan data is still the 64x48 image's; a decoder allocates the whole frame
 * all the same.
 */
export function jpegHidingItsSize(width: number, height: number): Buffer {
  const small = jpegBytes(64, 48);
  const sof = frameHeaderOffset(small);
  const decoy = small.subarray(sof, sof + 2 + small.readUInt16BE(sof + 2));
  const real = jpegClaiming(width, height);
  const commentBody = Buffer.concat([Buffer.from([0x00, 0x00]), decoy]);
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), commentBody]);
  comment.writeUInt16BE(2 + commentBody.length, 2);
  // TEM's bogus "length" spans itself and the comment's marker, length and padding.
  const bogusLength = 2 + 4 + 2;
  const tem = Buffer.from([0xff, 0x01, 0, 0]);
  tem.writeUInt16BE(bogusLength, 2);
  return Buffer.concat([real.subarray(0, 2), tem, comment, real.subarray(2)]);
}

/** A real 64x48 JPEG whose frame header claims `width` x `height`, with no tricks. */
export function jpegClaiming(width: number, height: number): Buffer {
  const jpeg = jpegBytes(64, 48);
  const sof = frameHeaderOffset(jpeg);
  jpeg.writeUInt16BE(height, sof + 5);
  jpeg.writeUInt16BE(width, sof + 7);
  return jpeg;
}

/** Where the encoder's SOF0 (baseline frame header) starts. */
function frameHeaderOffset(jpeg: Buffer): number {
  let offset = 2;
  while (jpeg[offset + 1] !== 0xc0) offset += 2 + jpeg.readUInt16BE(offset + 2);
  return offset;
}
