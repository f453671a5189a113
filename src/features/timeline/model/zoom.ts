// The zoom levels "Zoom in" and "Zoom out" step through, in px per second: round numbers
// about half as far apart again each time, so a creator can come back to the same view.
// Below 2 px/s the steps are far apart: they are for seeing an hour-long script whole.
export const ZOOM_STEPS = [
  0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 80, 120, 160, 240, 320, 480, 640,
  800,
] as const;

/**
 * The next step in or out from `pxPerSecond`, which may lie between steps after a pinch, a
 * wheel or "Fit"; at either end of the range it stays where it is.
 */
export function zoomStep(pxPerSecond: number, direction: "in" | "out"): number {
  // A level within 1% of a step counts as that step, so "Zoom out" from 79.99 goes to 64.
  if (direction === "in") return ZOOM_STEPS.find((step) => step > pxPerSecond * 1.01) ?? 800;
  return ZOOM_STEPS.findLast((step) => step < pxPerSecond / 1.01) ?? ZOOM_STEPS[0];
}
