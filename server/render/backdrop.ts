// What the camera looks at: the start image, cropped to the frame as Odyssey's SDK crops it, or
// for a text-only stream a landscape generated from the prompt. Both are drawn in frame space
// (0..width x 0..height at zoom 1) at any zoom, so each zoom level is resampled once, from
// the source, never from an earlier resampling.
import { loadImage, type SKRSContext2D } from "@napi-rs/canvas";

export interface Backdrop {
  /** Draws frame space magnified `zoom` times, the point (left, top) of that at the origin. */
  draw(ctx: SKRSContext2D, zoom: number, left: number, top: number): void;
}

export class BackdropError extends Error {}

/** FNV-1a: a stable hash, so the same prompt always yields the same scene. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator; Math.random would make every render differ. */
export function seededRandom(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function imageBackdrop(
  bytes: Uint8Array,
  width: number,
  height: number,
): Promise<Backdrop> {
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new BackdropError(`the start image could not be decoded: ${(error as Error).message}`);
  }
  if (!image.width || !image.height) {
    throw new BackdropError("the start image could not be decoded: it has no pixels");
  }
  // Cover: the image's centre at the frame's aspect, as the SDK crops before upload.
  const cover = Math.max(width / image.width, height / image.height);
  const offsetX = (width - image.width * cover) / 2;
  const offsetY = (height - image.height * cover) / 2;
  return {
    draw(ctx, zoom, left, top) {
      // Transparent parts of a PNG or WebP would otherwise encode as black.
      ctx.fillStyle = "#18181b";
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(
        image,
        offsetX * zoom - left,
        offsetY * zoom - top,
        image.width * cover * zoom,
        image.height * cover * zoom,
      );
    },
  };
}

interface Ridge {
  base: number;
  amplitude: number;
  frequency: number;
  phase: number;
  color: string;
}

/** A sky, a glow and layered ridges whose colours and shapes all come from the prompt's hash. */
export function generatedBackdrop(seedText: string, width: number, height: number): Backdrop {
  const rand = seededRandom(hashText(seedText));
  const hue = Math.floor(rand() * 360);
  const sky = [
    `hsl(${hue}, 55%, ${18 + rand() * 10}%)`,
    `hsl(${(hue + 40) % 360}, 60%, ${45 + rand() * 15}%)`,
    `hsl(${(hue + 70) % 360}, 65%, ${70 + rand() * 10}%)`,
  ];
  const stars = Array.from({ length: 70 }, () => ({
    x: rand() * width,
    y: rand() * height * 0.5,
    r: 0.8 + rand() * 1.8,
    alpha: 0.15 + rand() * 0.4,
  }));
  const sun = { x: width * (0.2 + rand() * 0.6), y: height * (0.25 + rand() * 0.2) };
  const glowHue = (hue + 50) % 360;
  const ridges: Ridge[] = Array.from({ length: 4 }, (_, layer) => ({
    base: height * (0.55 + layer * 0.11),
    amplitude: height * (0.06 - layer * 0.008),
    frequency: 1.5 + rand() * 3,
    phase: rand() * Math.PI * 2,
    color: `hsl(${(hue + 200 + layer * 12) % 360}, ${30 + layer * 8}%, ${30 - layer * 6}%)`,
  }));

  return {
    draw(ctx, zoom, left, top) {
      ctx.setTransform(zoom, 0, 0, zoom, -left, -top);
      const gradient = ctx.createLinearGradient(0, 0, 0, height);
      sky.forEach((color, i) => gradient.addColorStop([0, 0.6, 1][i] ?? 1, color));
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, width, height);

      for (const star of stars) {
        ctx.fillStyle = `hsla(${hue}, 30%, 95%, ${star.alpha})`;
        ctx.beginPath();
        ctx.arc(star.x, star.y, star.r, 0, Math.PI * 2);
        ctx.fill();
      }

      const glow = ctx.createRadialGradient(sun.x, sun.y, 0, sun.x, sun.y, height * 0.35);
      glow.addColorStop(0, `hsla(${glowHue}, 90%, 85%, 0.95)`);
      glow.addColorStop(0.25, `hsla(${glowHue}, 90%, 70%, 0.5)`);
      glow.addColorStop(1, `hsla(${glowHue}, 90%, 60%, 0)`);
      ctx.fillStyle = glow;
      ctx.fillRect(0, 0, width, height);

      for (const ridge of ridges) {
        ctx.fillStyle = ridge.color;
        ctx.beginPath();
        ctx.moveTo(0, height);
        for (let x = 0; x <= width; x += 8) {
          const t = (x / width) * Math.PI * ridge.frequency;
          const y =
            ridge.base +
            Math.sin(t + ridge.phase) * ridge.amplitude +
            Math.sin(t * 3.7 + ridge.phase * 2) * ridge.amplitude * 0.3;
          ctx.lineTo(x, y);
        }
        ctx.lineTo(width, height);
        ctx.closePath();
        ctx.fill();
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    },
  };
}
