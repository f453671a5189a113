import { describe, expect, it } from "vitest";
import { cameraPath, planKeyframes } from "./camera";

describe("the camera", () => {
  it("opens a start image on exactly that image, then pushes in", () => {
    const shot = cameraPath({ width: 1280, height: 704, frameCount: 250, seed: 7, kind: "image" });
    expect(shot(0)).toEqual({ zoom: 1, centerX: 640, centerY: 352 });
    expect(shot(249).zoom).toBeGreaterThan(1.05);
  });

  for (const kind of ["image", "generated"] as const) {
    for (const [width, height] of [
      [1280, 704],
      [704, 1280],
    ] as const) {
      it(`keeps every ${kind} ${width}x${height} window inside the picture, within tolerance`, () => {
        const frameCount = 1500;
        const shot = cameraPath({ width, height, frameCount, seed: 42, kind });
        const keyframes = planKeyframes(shot, frameCount, width, height, 0.6);
        let next = 0;
        for (const keyframe of keyframes) {
          expect(keyframe.firstFrame).toBe(next);
          next += keyframe.windows.length;
          // The region lies inside frame space magnified by the keyframe's zoom.
          expect(keyframe.left).toBeGreaterThanOrEqual(0);
          expect(keyframe.top).toBeGreaterThanOrEqual(0);
          expect(keyframe.left + keyframe.width).toBeLessThanOrEqual(width * keyframe.zoom);
          expect(keyframe.top + keyframe.height).toBeLessThanOrEqual(height * keyframe.zoom);
          keyframe.windows.forEach((window, i) => {
            expect(window.x + width).toBeLessThanOrEqual(keyframe.width);
            expect(window.y + height).toBeLessThanOrEqual(keyframe.height);
            const zoom = shot(keyframe.firstFrame + i).zoom;
            // Scale error at the frame's edge stays under the tolerance.
            expect(
              (Math.abs(zoom - keyframe.zoom) * Math.max(width, height)) / 2,
            ).toBeLessThanOrEqual(0.6 + 1e-9);
          });
        }
        expect(next).toBe(frameCount);
        // Far fewer resamples than frames: that is the point of keyframes.
        expect(keyframes.length).toBeLessThan(frameCount / 10);
      });
    }
  }
});
