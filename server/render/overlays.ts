// The layers drawn over the picture: the caption of the prompt in force, the PREVIEW badge
// with the stream's number, and the timecode. Captions and the badge are drawn once; only
// the timecode is drawn per frame, on a canvas small enough to read back cheaply.
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { registerFonts, useFont } from "./fonts";
import { type Raster, rasterFromCanvas } from "./pixels";
import { wrapText } from "./text-layout";
import { formatTimecode } from "./timing";

const PANEL_FILL = "rgba(9, 9, 11, 0.66)";

/** Layout in pixels of a 704-pixel-wide frame; multiplied by `scale` for other sizes. */
export interface OverlayStyle {
  scale: number;
  margin: number;
}

export function overlayStyle(width: number, height: number): OverlayStyle {
  const scale = Math.min(width, height) / 704;
  return { scale, margin: Math.round(28 * scale) };
}

function measurer(px: number, weight: "normal" | "bold" = "normal"): SKRSContext2D {
  const ctx = createCanvas(1, 1).getContext("2d");
  useFont(ctx, px, weight);
  return ctx;
}

export interface CaptionText {
  /** What the caption says it is: "start", "interact 2 of 3". */
  kicker: string;
  prompt: string;
}

/** A caption panel no wider than `maxWidth`, its prompt wrapped to at most `maxLines` lines. */
export function captionPanel(
  caption: CaptionText,
  maxWidth: number,
  maxLines: number,
  style: OverlayStyle,
): Raster {
  registerFonts();
  const s = style.scale;
  const fontPx = Math.round(26 * s);
  const kickerPx = Math.round(14 * s);
  const lineHeight = Math.round(fontPx * 1.3);
  const padX = Math.round(22 * s);
  const padY = Math.round(16 * s);
  const kickerHeight = Math.round(kickerPx * 1.7);

  const text = measurer(fontPx);
  const kicker = measurer(kickerPx, "bold");
  const label = caption.kicker.toUpperCase();
  const lines = wrapText(
    caption.prompt,
    maxWidth - padX * 2,
    maxLines,
    (t) => text.measureText(t).width,
  );
  if (lines.length === 0) lines.push("(no prompt)");
  const widest = Math.max(
    kicker.measureText(label).width,
    ...lines.map((line) => text.measureText(line).width),
  );
  const width = Math.min(maxWidth, Math.ceil(widest) + padX * 2);
  const height = padY * 2 + kickerHeight + lines.length * lineHeight;

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = PANEL_FILL;
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, Math.round(14 * s));
  ctx.fill();
  ctx.textBaseline = "top";
  useFont(ctx, kickerPx, "bold");
  ctx.fillStyle = "#c4b5fd";
  ctx.fillText(label, padX, padY);
  useFont(ctx, fontPx);
  ctx.fillStyle = "#fafafa";
  lines.forEach((line, i) => {
    ctx.fillText(line, padX, padY + kickerHeight + i * lineHeight + fontPx * 0.08);
  });
  return rasterFromCanvas(canvas);
}

/** "PREVIEW · STREAM 2": says on every frame that this is the local preview, not the model. */
export function badge(streamNumber: number, style: OverlayStyle): Raster {
  registerFonts();
  const fontPx = Math.round(16 * style.scale);
  const text = `PREVIEW · STREAM ${streamNumber}`;
  const width = Math.ceil(measurer(fontPx, "bold").measureText(text).width + fontPx * 1.4);
  const height = Math.round(fontPx * 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "rgba(124, 58, 237, 0.88)";
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, height / 2);
  ctx.fill();
  useFont(ctx, fontPx, "bold");
  ctx.fillStyle = "#ffffff";
  ctx.textBaseline = "middle";
  ctx.fillText(text, fontPx * 0.7, height / 2 + 1);
  return rasterFromCanvas(canvas);
}

export interface Timecode {
  /** The stream's time, its frame and (when known) the script's time; redrawn each call. */
  draw(frame: number, streamMs: number, scriptMs: number | undefined): Raster;
  width: number;
}

export function timecode(style: OverlayStyle): Timecode {
  registerFonts();
  const s = style.scale;
  const bigPx = Math.round(20 * s);
  const smallPx = Math.round(12 * s);
  const pad = Math.round(10 * s);
  // Wide enough for "99:59.99" and "frame 99999 · script 99:59.99" in DejaVu's tabular digits.
  const width = Math.ceil(
    Math.max(
      measurer(bigPx, "bold").measureText("00:00.00").width,
      measurer(smallPx).measureText("frame 00000 · script 00:00.00").width,
    ) +
      pad * 2,
  );
  const height = Math.round(pad * 2 + bigPx * 1.15 + smallPx * 1.4);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.textAlign = "right";
  ctx.textBaseline = "top";
  return {
    width,
    draw(frame, streamMs, scriptMs) {
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = PANEL_FILL;
      ctx.beginPath();
      ctx.roundRect(0, 0, width, height, Math.round(10 * s));
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      useFont(ctx, bigPx, "bold");
      ctx.fillText(formatTimecode(streamMs), width - pad, pad);
      ctx.fillStyle = "#d4d4d8";
      useFont(ctx, smallPx);
      const detail =
        scriptMs === undefined
          ? `frame ${frame}`
          : `frame ${frame} · script ${formatTimecode(scriptMs)}`;
      ctx.fillText(detail, width - pad, pad + Math.round(bigPx * 1.15));
      return rasterFromCanvas(canvas);
    },
  };
}
