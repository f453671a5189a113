// The frame clock every part of the renderer shares, so the events file names the same frame
// the picture changes on.

/** Odyssey's world model emits a frame every 40 ms. */
export const FPS = 25;
export const FRAME_MS = 1000 / FPS;

export function frameCountFor(durationMs: number): number {
  return Math.round(durationMs / FRAME_MS);
}

/** The first frame whose time is at or after `offsetMs`: the one an entry first shows on. */
export function firstFrameAt(offsetMs: number): number {
  return Math.ceil(offsetMs / FRAME_MS);
}

export function frameSizeFor(portrait: boolean): { width: number; height: number } {
  return portrait ? { width: 704, height: 1280 } : { width: 1280, height: 704 };
}

/** mm:ss.cc: hundredths, so two frames 40 ms apart never print alike. */
export function formatTimecode(ms: number): string {
  const totalCentis = Math.floor(Math.max(0, ms) / 10);
  const minutes = Math.floor(totalCentis / 6000);
  const seconds = Math.floor((totalCentis % 6000) / 100);
  const centis = totalCentis % 100;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(minutes)}:${pad(seconds)}.${pad(centis)}`;
}
