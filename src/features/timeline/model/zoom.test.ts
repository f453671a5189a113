import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZOOM_STEPS, zoomStep } from "./zoom";

describe("zoom steps", () => {
  it("reaches 16 and 320 px per second from the default 80 with the buttons", () => {
    const out = [80];
    while (out.at(-1) !== 16) out.push(zoomStep(out.at(-1)!, "out"));
    expect(out).toEqual([80, 64, 48, 32, 24, 16]);
    const zoomIn = [80];
    while (zoomIn.at(-1) !== 320) zoomIn.push(zoomStep(zoomIn.at(-1)!, "in"));
    expect(zoomIn).toEqual([80, 120, 160, 240, 320]);
  });

  it("goes from a level between steps to the next step, and stays at either end", () => {
    expect(zoomStep(100, "in")).toBe(120);
    expect(zoomStep(100, "out")).toBe(80);
    expect(zoomStep(79.99, "out")).toBe(64);
    expect(zoomStep(800, "in")).toBe(800);
    expect(zoomStep(0.05, "out")).toBe(0.05);
  });

  it("always moves the way asked, to a step, unless at the end of the range", () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 800, noNaN: true }), (level) => {
        const zoomedIn = zoomStep(level, "in");
        const zoomedOut = zoomStep(level, "out");
        expect(ZOOM_STEPS).toContain(zoomedIn);
        expect(ZOOM_STEPS).toContain(zoomedOut);
        if (level < 790) expect(zoomedIn).toBeGreaterThan(level);
        if (level > 2.03) expect(zoomedOut).toBeLessThan(level);
        // In then out comes back to a step at or below where it was.
        expect(zoomStep(zoomedIn, "out")).toBeLessThanOrEqual(level * 1.01);
      }),
    );
  });
});
