// Premultiplied RGBA rasters and the few operations a frame needs. Reading pixels back from
// the canvas costs about 8 ms for a 1280x704 frame, more than all the drawing, so the canvas
// draws each layer once and frames are assembled here from those pixels.
import type { Canvas } from "@napi-rs/canvas";
import os from "node:os";

// One pixel is one uint32 below; the alpha shift assumes little-endian byte order.
if (os.endianness() !== "LE") throw new Error("the preview renderer needs a little-endian CPU");

export interface Raster {
  width: number;
  height: number;
  /** Premultiplied RGBA, one pixel per element, rows top to bottom. */
  pixels: Uint32Array;
}

export function createRaster(width: number, height: number): Raster {
  return { width, height, pixels: new Uint32Array(width * height) };
}

/** The canvas's pixels, which it stores premultiplied, as a raster (one readback). */
export function rasterFromCanvas(canvas: Canvas): Raster {
  const data = canvas.data();
  return {
    width: canvas.width,
    height: canvas.height,
    pixels: new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4),
  };
}

/** The raster's bytes, without copying: valid only while the raster is not drawn on again. */
export function rasterBytes(raster: Raster): Buffer {
  const { buffer, byteOffset, byteLength } = raster.pixels;
  return Buffer.from(buffer, byteOffset, byteLength);
}

/** Fills `target` with the window of `source` whose top-left corner is at (left, top). */
export function copyWindow(source: Raster, left: number, top: number, target: Raster): void {
  const { width, height } = target;
  if (left < 0 || top < 0 || left + width > source.width || top + height > source.height) {
    throw new RangeError(`window ${left},${top} ${width}x${height} is outside the source`);
  }
  for (let y = 0; y < height; y++) {
    const start = (top + y) * source.width + left;
    target.pixels.set(source.pixels.subarray(start, start + width), y * width);
  }
}

/**
 * Draws `layer` over `target` at (x, y) with `opacity` (0..1): the source-over rule on
 * premultiplied pixels, two channels at a time. Parts outside the target are clipped.
 */
export function blendOver(target: Raster, layer: Raster, x: number, y: number, opacity = 1): void {
  const fade = Math.round(Math.min(1, Math.max(0, opacity)) * 256);
  if (fade === 0) return;
  const x0 = Math.max(0, -x);
  const y0 = Math.max(0, -y);
  const x1 = Math.min(layer.width, target.width - x);
  const y1 = Math.min(layer.height, target.height - y);
  const src = layer.pixels;
  const dst = target.pixels;
  for (let row = y0; row < y1; row++) {
    const from = row * layer.width;
    const to = (y + row) * target.width + x;
    for (let col = x0; col < x1; col++) {
      let s = src[from + col] as number;
      if (s === 0) continue;
      if (fade !== 256) s = scale(s, fade);
      const alpha = s >>> 24;
      if (alpha === 255) {
        dst[to + col] = s;
        continue;
      }
      // 255 maps to 256 so that an opaque pixel keeps nothing of what is below it.
      const keep = 256 - alpha - (alpha >>> 7);
      dst[to + col] = (s + scale(dst[to + col] as number, keep)) >>> 0;
    }
  }
}

/**
 * Every channel of `pixel` times factor/256 (factor 0..256), rounded: truncating would let
 * an opaque pixel under a translucent one come out with alpha 254.
 */
function scale(pixel: number, factor: number): number {
  const rb = ((Math.imul(pixel & 0xff00ff, factor) + 0x800080) >>> 8) & 0xff00ff;
  const ga = ((Math.imul((pixel >>> 8) & 0xff00ff, factor) + 0x800080) >>> 8) & 0xff00ff;
  return (rb | (ga << 8)) >>> 0;
}
