// Interim stand-in for src/lib/images (being written alongside): same signature, so switching
// is a one-line re-export.
import { frameSize, MAX_IMAGE_BYTES } from "../../../contract/script";

export type PreparedImage =
  { ok: true; dataUrl: string; width: number; height: number } | { ok: false; message: string };

// Blob.arrayBuffer where there is one; FileReader in environments that lack it (jsdom).
function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === "function") return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsArrayBuffer(blob);
  });
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

export async function prepareImage(file: File, portrait: boolean): Promise<PreparedImage> {
  if (file.size > MAX_IMAGE_BYTES) {
    return { ok: false, message: `${file.name} is over 25 MB.` };
  }
  const type = await sniffImageType(file);
  if (!type) return { ok: false, message: `${file.name} is not a JPEG, PNG or WebP image.` };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, message: `${file.name} could not be decoded as an image.` };
  }
  const { width, height } = frameSize(portrait);
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
