// Assembles the frames of a preview. The canvas draws each layer once (a magnified backdrop per
// keyframe, a panel per caption, the badge); a frame is a window copied from its keyframe with
// the layers blended over it, and only the small timecode is drawn anew.
import { createCanvas, ImageData } from "@napi-rs/canvas";
import { type Backdrop, generatedBackdrop, hashText, imageBackdrop } from "./backdrop";
import { cameraPath, type Keyframe, planKeyframes } from "./camera";
import { badge, type CaptionText, captionPanel, overlayStyle, timecode } from "./overlays";
import { blendOver, copyWindow, createRaster, type Raster, rasterFromCanvas } from "./pixels";
import { FRAME_MS } from "./timing";

export interface Cue extends CaptionText {
  /** The first frame that shows this caption. */
  fromFrame: number;
}

export interface SceneSpec {
  width: number;
  height: number;
  frameCount: number;
  streamNumber: number;
  /** In frame order; the first starts at frame 0. */
  cues: Cue[];
  /** A start image; without one, the scene is generated from `seedText`. */
  image?: Uint8Array;
  seedText: string;
  /** The script's time at the stream's first frame, shown beside the stream's own time. */
  scriptStartMs?: number;
}

export interface Scene {
  /** The frame's pixels, premultiplied RGBA; the raster is reused by the next call. */
  frame(index: number): Raster;
}

/** A caption takes 8 frames (320 ms) to fade in when an interaction takes over. */
const FADE_FRAMES = 8;

export async function createScene(spec: SceneSpec): Promise<Scene> {
  const { width, height, frameCount } = spec;
  const backdrop: Backdrop = spec.image
    ? await imageBackdrop(spec.image, width, height)
    : generatedBackdrop(spec.seedText, width, height);
  const shot = cameraPath({
    width,
    height,
    frameCount,
    seed: hashText(spec.seedText),
    kind: spec.image ? "image" : "generated",
  });
  const keyframes = planKeyframes(shot, frameCount, width, height);

  const style = overlayStyle(width, height);
  const portrait = height > width;
  const captionWidth = width - style.margin * 2;
  // Entries on the same frame: only the last is ever seen.
  const cues = spec.cues.filter((cue, i) => spec.cues[i + 1]?.fromFrame !== cue.fromFrame);
  const panels = cues.map((cue) => captionPanel(cue, captionWidth, portrait ? 6 : 4, style));
  const label = badge(spec.streamNumber, style);
  const clock = timecode(style);

  const frame = createRaster(width, height);
  let current: { keyframe: Keyframe; raster: Raster } | undefined;

  function magnified(index: number): { keyframe: Keyframe; raster: Raster } {
    if (current && index >= current.keyframe.firstFrame) {
      if (index < current.keyframe.firstFrame + current.keyframe.windows.length) return current;
    }
    const keyframe = findKeyframe(keyframes, index);
    const canvas = createCanvas(keyframe.width, keyframe.height);
    backdrop.draw(canvas.getContext("2d"), keyframe.zoom, keyframe.left, keyframe.top);
    current = { keyframe, raster: rasterFromCanvas(canvas) };
    return current;
  }

  return {
    frame(index) {
      const { keyframe, raster } = magnified(index);
      const window = keyframe.windows[index - keyframe.firstFrame] as { x: number; y: number };
      copyWindow(raster, window.x, window.y, frame);

      let showing = 0;
      while (showing + 1 < cues.length && (cues[showing + 1] as Cue).fromFrame <= index) showing++;
      // The new caption fades in over FADE_FRAMES while the old one fades out twice as fast,
      // so their lines overlap only faintly.
      const since = (index - (cues[showing] as Cue).fromFrame + 1) / FADE_FRAMES;
      const bottom = height - style.margin;
      if (showing > 0 && since < 0.5) {
        const previous = panels[showing - 1] as Raster;
        blendOver(frame, previous, style.margin, bottom - previous.height, 1 - since * 2);
      }
      const panel = panels[showing] as Raster;
      blendOver(frame, panel, style.margin, bottom - panel.height, showing > 0 ? since : 1);

      blendOver(frame, label, style.margin, style.margin);
      const streamMs = index * FRAME_MS;
      const time = clock.draw(
        index,
        streamMs,
        spec.scriptStartMs === undefined ? undefined : spec.scriptStartMs + streamMs,
      );
      blendOver(frame, time, width - style.margin - clock.width, style.margin);
      return frame;
    },
  };
}

function findKeyframe(keyframes: Keyframe[], index: number): Keyframe {
  let low = 0;
  let high = keyframes.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((keyframes[mid] as Keyframe).firstFrame <= index) low = mid;
    else high = mid - 1;
  }
  const keyframe = keyframes[low];
  if (!keyframe || index < 0 || index >= keyframe.firstFrame + keyframe.windows.length) {
    throw new RangeError(`frame ${index} is outside the stream`);
  }
  return keyframe;
}

/** A JPEG of a frame (opaque, so its premultiplied pixels are the plain ones). */
export async function encodeJpeg(raster: Raster, quality = 85): Promise<Buffer> {
  const canvas = createCanvas(raster.width, raster.height);
  const bytes = new Uint8ClampedArray(
    raster.pixels.buffer,
    raster.pixels.byteOffset,
    raster.pixels.byteLength,
  );
  canvas.getContext("2d").putImageData(new ImageData(bytes, raster.width, raster.height), 0, 0);
  return canvas.encode("jpeg", quality);
}
