// Turns a picked image into the data URL a start sends, as the SDK would: an image already at
// the model's frame goes as its own bytes; any other is centre-cropped and resized to the frame.
import { frameSize, MAX_IMAGE_BYTES } from "../../../contract/script";
import { readBytes } from "../../../lib/read-bytes";

export type PreparedImage =
  { ok: true; dataUrl: string; width: number; height: number } | { ok: false; message: string };

// btoa takes a binary string; building it in slices keeps String.fromCharCode under the
// engine's argument limit for images of many megabytes.
function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export async function sniffImageType(file: Blob): Promise<string | null> {
  const b = new Uint8Array(await readBytes(file.slice(0, 12)));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "image/png";
  if (
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  ) {
    return "image/webp";
  }
  return null;
}

/**
 * A file's name for a message, cut in the middle when long: a camera's or a download's
 * 60-character name took four lines of the inspector's narrow column and pushed the fields
 * below it out of sight. The start and the extension are what tell files apart.
 */
export function shortFileName(name: string, max = 28): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const tail = dot > 0 && name.length - dot <= 8 ? name.slice(dot - 4) : name.slice(-8);
  return `${name.slice(0, max - tail.length - 1)}…${tail}`;
}

export async function prepareImage(file: File, portrait: boolean): Promise<PreparedImage> {
  const name = shortFileName(file.name);
  if (file.size > MAX_IMAGE_BYTES) {
    return { ok: false, message: `${name} is over 25 MB.` };
  }
  const type = await sniffImageType(file);
  if (!type) return { ok: false, message: `${name} is not a JPEG, PNG or WebP image.` };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, message: `${name} could not be decoded as an image.` };
  }
  const { width, height } = frameSize(portrait);
  // The SDK sends an image already at the frame untouched, so its metadata and exact pixels
  // (no second lossy JPEG or WebP pass) reach the model; keep ours byte for byte the same.
  if (bitmap.width === width && bitmap.height === height) {
    bitmap.close();
    const bytes = new Uint8Array(await readBytes(file));
    return { ok: true, dataUrl: `data:${type};base64,${bytesToBase64(bytes)}`, width, height };
  }
  const scale = Math.max(width / bitmap.width, height / bitmap.height);
  const sw = width / scale;
  const sh = height / scale;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) return { ok: false, message: "This browser cannot resize images." };
  context.drawImage(
    bitmap,
    (bitmap.width - sw) / 2,
    (bitmap.height - sh) / 2,
    sw,
    sh,
    0,
    0,
    width,
    height,
  );
  bitmap.close();
  const dataUrl =
    type === "image/png" ? canvas.toDataURL("image/png") : canvas.toDataURL(type, 0.92);
  return { ok: true, dataUrl, width, height };
}
