// The camera's path: a slow Ken Burns push over a start image, a gentle drift over a generated
// scene. The window always stays inside frame space, so no frame shows past the picture's edge.
import { seededRandom } from "./backdrop";
import { FRAME_MS } from "./timing";

export interface Shot {
  zoom: number;
  /** The window's centre in frame space. */
  centerX: number;
  centerY: number;
}

export interface CameraSpec {
  width: number;
  height: number;
  frameCount: number;
  seed: number;
  /** A start image opens on exactly that image; a generated scene starts already framed in. */
  kind: "image" | "generated";
}

/** Returns the shot of each frame. */
export function cameraPath(spec: CameraSpec): (frame: number) => Shot {
  const { width, height, frameCount, kind } = spec;
  const rand = seededRandom(spec.seed);
  const seconds = (frameCount * FRAME_MS) / 1000;
  const last = Math.max(1, frameCount - 1);
  // Half the distance the window can move each way at a zoom, with a hair of margin so a
  // rounded window position cannot step past the edge.
  const room = (zoom: number) => ({
    x: Math.max(0, (width - width / zoom) / 2 - 1),
    y: Math.max(0, (height - height / zoom) / 2 - 1),
  });

  if (kind === "image") {
    // About 2.5% a second, never past 10%: slow enough to read as a camera, not a zoom effect.
    const push = Math.min(0.1, 0.025 * seconds);
    const angle = rand() * Math.PI * 2;
    const dirX = Math.cos(angle);
    const dirY = Math.sin(angle);
    return (frame) => {
      const progress = Math.min(1, frame / last);
      const zoom = 1 + push * progress;
      const r = room(zoom);
      return {
        zoom,
        centerX: width / 2 + dirX * r.x * 0.9,
        centerY: height / 2 + dirY * r.y * 0.9,
      };
    };
  }

  const base = 1.12;
  const push = Math.min(0.04, 0.01 * seconds);
  const periodX = 14 + rand() * 6;
  const periodY = 11 + rand() * 6;
  const phaseX = rand() * Math.PI * 2;
  const phaseY = rand() * Math.PI * 2;
  return (frame) => {
    const zoom = base + push * Math.min(1, frame / last);
    const r = room(zoom);
    const t = (frame * FRAME_MS) / 1000;
    return {
      zoom,
      centerX: width / 2 + r.x * 0.9 * Math.sin((t / periodX) * Math.PI * 2 + phaseX),
      centerY: height / 2 + r.y * 0.9 * Math.sin((t / periodY) * Math.PI * 2 + phaseY),
    };
  };
}

/** A run of frames drawn from one magnified copy of the backdrop. */
export interface Keyframe {
  zoom: number;
  /** The region of frame space magnified `zoom` times that the run's windows cover. */
  left: number;
  top: number;
  width: number;
  height: number;
  firstFrame: number;
  /** Where each frame's window starts in that region, in whole pixels. */
  windows: { x: number; y: number }[];
}

/**
 * Groups frames whose zooms differ by so little that one magnified copy serves them all: at
 * most `tolerancePx` of scale error at the frame's edge. A frame is then a window copied
 * from its keyframe, moved in whole pixels, instead of a full resample and readback.
 */
export function planKeyframes(
  shot: (frame: number) => Shot,
  frameCount: number,
  width: number,
  height: number,
  tolerancePx = 0.6,
): Keyframe[] {
  const maxZoomSpread = (2 * tolerancePx) / Math.max(width, height);
  const keyframes: Keyframe[] = [];
  let first = 0;
  while (first < frameCount) {
    let low = shot(first).zoom;
    let high = low;
    let end = first + 1;
    while (end < frameCount) {
      const zoom = shot(end).zoom;
      if (Math.max(high, zoom) - Math.min(low, zoom) > maxZoomSpread) break;
      low = Math.min(low, zoom);
      high = Math.max(high, zoom);
      end++;
    }
    const zoom = (low + high) / 2;
    // The magnified picture spans 0..floor(width * zoom); every window must fit inside it.
    const spanX = Math.floor(width * zoom);
    const spanY = Math.floor(height * zoom);
    const origins: { x: number; y: number }[] = [];
    for (let frame = first; frame < end; frame++) {
      const s = shot(frame);
      origins.push({
        x: clamp(Math.round(s.centerX * zoom - width / 2), 0, spanX - width),
        y: clamp(Math.round(s.centerY * zoom - height / 2), 0, spanY - height),
      });
    }
    const left = Math.min(...origins.map((o) => o.x));
    const top = Math.min(...origins.map((o) => o.y));
    const right = Math.max(...origins.map((o) => o.x)) + width;
    const bottom = Math.max(...origins.map((o) => o.y)) + height;
    keyframes.push({
      zoom,
      left,
      top,
      width: right - left,
      height: bottom - top,
      firstFrame: first,
      windows: origins.map((o) => ({ x: o.x - left, y: o.y - top })),
    });
    first = end;
  }
  return keyframes;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
