import { describe, expect, it } from "vitest";
import { blendOver, copyWindow, createRaster, type Raster } from "./pixels";

/** A premultiplied pixel as this machine's uint32 (bytes R, G, B, A). */
const px = (r: number, g: number, b: number, a: number) =>
  new Uint32Array(new Uint8Array([r, g, b, a]).buffer)[0] as number;
const bytes = (pixel: number) => Array.from(new Uint8Array(new Uint32Array([pixel]).buffer));

function filled(width: number, height: number, pixel: number): Raster {
  const raster = createRaster(width, height);
  raster.pixels.fill(pixel);
  return raster;
}

describe("blendOver", () => {
  it("replaces with opaque pixels and keeps what is under transparent ones", () => {
    const target = filled(2, 1, px(10, 20, 30, 255));
    const layer = createRaster(2, 1);
    layer.pixels[0] = px(200, 100, 50, 255);
    blendOver(target, layer, 0, 0);
    expect(bytes(target.pixels[0] as number)).toEqual([200, 100, 50, 255]);
    expect(bytes(target.pixels[1] as number)).toEqual([10, 20, 30, 255]);
  });

  it("composites a premultiplied half-transparent pixel by source-over", () => {
    const target = filled(1, 1, px(200, 200, 200, 255));
    // 50% white, premultiplied: 128 in every channel.
    blendOver(target, filled(1, 1, px(128, 128, 128, 128)), 0, 0);
    const [r, g, b, a] = bytes(target.pixels[0] as number);
    for (const channel of [r, g, b])
      expect(Math.abs((channel as number) - 228)).toBeLessThanOrEqual(1);
    expect(a).toBe(255);
  });

  it("scales a layer by its opacity and draws nothing at zero", () => {
    const target = filled(1, 1, px(0, 0, 0, 255));
    blendOver(target, filled(1, 1, px(255, 255, 255, 255)), 0, 0, 0);
    expect(bytes(target.pixels[0] as number)).toEqual([0, 0, 0, 255]);
    blendOver(target, filled(1, 1, px(255, 255, 255, 255)), 0, 0, 0.5);
    const [r, , , a] = bytes(target.pixels[0] as number);
    expect(Math.abs((r as number) - 128)).toBeLessThanOrEqual(1);
    expect(a).toBe(255);
  });

  it("clips a layer that hangs over any edge", () => {
    const target = filled(3, 3, px(0, 0, 0, 255));
    const layer = filled(2, 2, px(9, 9, 9, 255));
    blendOver(target, layer, -1, -1);
    blendOver(target, layer, 2, 2);
    const red = Array.from(target.pixels, (p) => bytes(p)[0]);
    expect(red).toEqual([9, 0, 0, 0, 0, 0, 0, 0, 9]);
  });
});

describe("copyWindow", () => {
  it("copies the window at an offset and refuses one past the source", () => {
    const source = createRaster(4, 3);
    source.pixels.forEach((_, i) => (source.pixels[i] = i));
    const target = createRaster(2, 2);
    copyWindow(source, 1, 1, target);
    expect(Array.from(target.pixels)).toEqual([5, 6, 9, 10]);
    expect(() => copyWindow(source, 3, 0, target)).toThrow(RangeError);
  });
});
