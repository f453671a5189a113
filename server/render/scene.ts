// Draws the frames of a preview. Everything that does not change from frame to frame (the
// scene, each caption, the badge) is drawn once into its own canvas; a frame is then a few
// drawImage calls and one line of text, which keeps drawing well below encoding's cost.
import { type Canvas, createCanvas, loadImage, type SKRSContext2D } from "@napi-rs/canvas";
import { FONT_FAMILY, registerFonts } from "./fonts";

export interface CaptionCue {
  fromMs: number;
  prompt: string;
}

export interface SceneSpec {
  width: number;
  height: number;
  durationMs: number;
  streamNumber: number;
  cues: CaptionCue[];
  image?: Uint8Array;
  /** Seeds the generated scene of a text-to-video stream. */
  seedText: string;
}

/** Caption cross-fade at each interaction. */
const FADE_MS = 320;
/** How far past the frame the backdrop reaches, which is how far it can drift. */
const OVERSCAN = 1.12;
const MAX_CAPTION_LINES = 4;

export class SceneError extends Error {}

/** FNV-1a: a stable hash, so the same prompt always yields the same scene. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function random(seed: number): () => number {
  let state = seed || 1;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedBackdrop(width: number, height: number, seedText: string): Canvas {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const rand = random(hashText(seedText));
  const hue = Math.floor(rand() * 360);
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, `hsl(${hue}, 55%, ${18 + rand() * 10}%)`);
  sky.addColorStop(0.6, `hsl(${(hue + 40) % 360}, 60%, ${45 + rand() * 15}%)`);
  sky.addColorStop(1, `hsl(${(hue + 70) % 360}, 65%, ${70 + rand() * 10}%)`);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);

  for (let i = 0; i < 60; i++) {
    ctx.fillStyle = `hsla(${hue}, 30%, 95%, ${0.15 + rand() * 0.4})`;
    ctx.beginPath();
    ctx.arc(rand() * width, rand() * height * 0.5, 0.8 + rand() * 1.8, 0, Math.PI * 2);
    ctx.fill();
  }

  const sunX = width * (0.2 + rand() * 0.6);
  const sunY = height * (0.25 + rand() * 0.2);
  const glow = ctx.createRadialGradient(sunX, sunY, 0, sunX, sunY, height * 0.35);
  glow.addColorStop(0, `hsla(${(hue + 50) % 360}, 90%, 85%, 0.95)`);
  glow.addColorStop(0.25, `hsla(${(hue + 50) % 360}, 90%, 70%, 0.5)`);
  glow.addColorStop(1, `hsla(${(hue + 50) % 360}, 90%, 60%, 0)`);
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, width, height);

  for (let layer = 0; layer < 4; layer++) {
    const base = height * (0.55 + layer * 0.11);
    const amplitude = height * (0.06 - layer * 0.008);
    const frequency = 1.5 + rand() * 3;
    const phase = rand() * Math.PI * 2;
    ctx.fillStyle = `hsl(${(hue + 200 + layer * 12) % 360}, ${30 + layer * 8}%, ${30 - layer * 6}%)`;
    ctx.beginPath();
    ctx.moveTo(0, height);
    for (let x = 0; x <= width; x += 8) {
      const y =
        base +
        Math.sin((x / width) * Math.PI * frequency + phase) * amplitude +
        Math.sin((x / width) * Math.PI * frequency * 3.7 + phase * 2) * amplitude * 0.3;
      ctx.lineTo(x, y);
    }
    ctx.lineTo(width, height);
    ctx.closePath();
    ctx.fill();
  }
  return canvas;
}

async function imageBackdrop(width: number, height: number, bytes: Uint8Array): Promise<Canvas> {
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes));
  } catch (error) {
    throw new SceneError(`the start image could not be decoded (${(error as Error).message})`);
  }
  if (!image.width || !image.height) throw new SceneError("the start image could not be decoded");
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  // Cover: crop the image's centre to the backdrop's aspect.
  const scale = Math.max(width / image.width, height / image.height);
  const sw = width / scale;
  const sh = height / scale;
  ctx.drawImage(
    image,
    (image.width - sw) / 2,
    (image.height - sh) / 2,
    sw,
    sh,
    0,
    0,
    width,
    height,
  );
  return canvas;
}

/** Words wrapped to `maxWidth`; a word longer than a line is broken by characters. */
export function wrapText(
  ctx: SKRSContext2D,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = "";
  const push = (next: string) => {
    lines.push(next);
    line = "";
  };
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) push(line);
    let rest = word;
    while (ctx.measureText(rest).width > maxWidth) {
      const chars = Array.from(rest);
      let fit = chars.length - 1;
      while (fit > 1 && ctx.measureText(chars.slice(0, fit).join("")).width > maxWidth) fit--;
      push(chars.slice(0, fit).join(""));
      rest = chars.slice(fit).join("");
    }
    line = rest;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (last.length > 1 && ctx.measureText(last).width > maxWidth) {
    last = `${Array.from(last).slice(0, -2).join("")}…`;
  }
  kept[maxLines - 1] = last;
  return kept;
}

function captionPanel(width: number, prompt: string, scale: number): Canvas {
  const fontSize = Math.round(26 * scale);
  const lineHeight = Math.round(fontSize * 1.3);
  const padX = Math.round(22 * scale);
  const padY = Math.round(16 * scale);
  const measure = createCanvas(1, 1).getContext("2d");
  measure.font = `${fontSize}px "${FONT_FAMILY}"`;
  const lines = wrapText(measure, prompt, width - padX * 2, MAX_CAPTION_LINES);
  const height = lines.length * lineHeight + padY * 2;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "rgba(9, 9, 11, 0.62)";
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, Math.round(14 * scale));
  ctx.fill();
  ctx.font = `${fontSize}px "${FONT_FAMILY}"`;
  ctx.fillStyle = "#fafafa";
  ctx.textBaseline = "top";
  lines.forEach((text, i) => ctx.fillText(text, padX, padY + i * lineHeight + fontSize * 0.08));
  return canvas;
}

function badge(streamNumber: number, scale: number): Canvas {
  const fontSize = Math.round(16 * scale);
  const text = `PREVIEW · STREAM ${streamNumber}`;
  const measure = createCanvas(1, 1).getContext("2d");
  measure.font = `bold ${fontSize}px "${FONT_FAMILY}"`;
  const width = Math.ceil(measure.measureText(text).width + fontSize * 1.4);
  const height = Math.round(fontSize * 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "rgba(124, 58, 237, 0.85)";
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, height / 2);
  ctx.fill();
  ctx.font = `bold ${fontSize}px "${FONT_FAMILY}"`;
  ctx.fillStyle = "#ffffff";
  ctx.textBaseline = "middle";
  ctx.fillText(text, fontSize * 0.7, height / 2 + 1);
  return canvas;
}

export function formatTimecode(ms: number): string {
  const totalCentis = Math.floor(ms / 10);
  const minutes = Math.floor(totalCentis / 6000);
  const seconds = Math.floor((totalCentis % 6000) / 100);
  const centis = totalCentis % 100;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}.${String(centis).padStart(2, "0")}`;
}

export interface Scene {
  /** Draws the frame at `ms` from the stream's start and returns its RGBA pixels. */
  frame(ms: number): Buffer;
  canvas: Canvas;
}

export async function createScene(spec: SceneSpec): Promise<Scene> {
  registerFonts();
  const { width, height, durationMs } = spec;
  const scale = Math.min(width, height) / 704;
  const backWidth = Math.ceil(width * OVERSCAN);
  const backHeight = Math.ceil(height * OVERSCAN);
  const backdrop = spec.image
    ? await imageBackdrop(backWidth, backHeight, spec.image)
    : generatedBackdrop(backWidth, backHeight, spec.seedText);
  const margin = Math.round(28 * scale);
  const captions = spec.cues.map((cue) => ({
    fromMs: cue.fromMs,
    panel: captionPanel(width - margin * 2, cue.prompt, scale),
  }));
  const label = badge(spec.streamNumber, scale);
  const timeFont = `bold ${Math.round(18 * scale)}px "${FONT_FAMILY}"`;

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const slackX = backWidth - width;
  const slackY = backHeight - height;
  const seconds = Math.max(durationMs, 1) / 1000;

  return {
    canvas,
    frame(ms: number): Buffer {
      const progress = Math.min(1, ms / Math.max(durationMs, 1));
      if (spec.image) {
        // Ken Burns: a slow push in with a drift across the overscan.
        const zoom = 1 + 0.06 * progress;
        const w = width / zoom;
        const h = height / zoom;
        const sx = (backWidth - w) * (0.15 + 0.7 * progress);
        const sy = (backHeight - h) * (0.5 + 0.3 * Math.sin(progress * Math.PI));
        ctx.drawImage(backdrop, sx, sy, w, h, 0, 0, width, height);
      } else {
        // A drift that loops smoothly however long the stream is.
        const phase = (ms / 1000 / Math.max(seconds, 8)) * Math.PI * 2;
        const x = slackX * (0.5 + 0.5 * Math.sin(phase));
        const y = slackY * (0.5 + 0.5 * Math.sin(phase * 0.7 + 1));
        ctx.drawImage(backdrop, -x, -y);
      }

      let current = 0;
      for (let i = 0; i < captions.length; i++) {
        if ((captions[i]?.fromMs ?? Infinity) <= ms) current = i;
      }
      const caption = captions[current];
      const previous = captions[current - 1];
      if (caption) {
        const fade = current > 0 ? Math.min(1, (ms - caption.fromMs) / FADE_MS) : 1;
        if (previous && fade < 1) {
          ctx.globalAlpha = 1 - fade;
          ctx.drawImage(previous.panel, margin, height - margin - previous.panel.height);
        }
        ctx.globalAlpha = fade;
        ctx.drawImage(caption.panel, margin, height - margin - caption.panel.height);
        ctx.globalAlpha = 1;
      }

      ctx.drawImage(label, margin, margin);
      ctx.font = timeFont;
      ctx.textAlign = "right";
      ctx.textBaseline = "top";
      ctx.fillStyle = "rgba(0, 0, 0, 0.55)";
      const time = formatTimecode(ms);
      ctx.fillText(time, width - margin + 1, margin + 1);
      ctx.fillStyle = "#ffffff";
      ctx.fillText(time, width - margin, margin);
      ctx.textAlign = "left";
      return canvas.data();
    },
  };
}
