import { describe, expect, it } from "vitest";
import { captionPanel, overlayStyle } from "./overlays";
import { rasterBytes } from "./pixels";
import { createScene, type SceneSpec } from "./scene";

const spec: SceneSpec = {
  width: 320,
  height: 176,
  frameCount: 25,
  streamNumber: 1,
  seedText: "",
  cues: [{ fromFrame: 0, kicker: "start", prompt: "p" }],
};
const firstFrame = async (seedText: string) =>
  Buffer.from(rasterBytes((await createScene({ ...spec, seedText })).frame(0)));

describe("scenes", () => {
  it("draw the same picture for the same prompt and another for another", async () => {
    const a = await firstFrame("a red canyon");
    expect(a.equals(await firstFrame("a red canyon"))).toBe(true);
    expect(a.equals(await firstFrame("a blue lagoon"))).toBe(false);
  });

  it("are opaque, so their premultiplied pixels are the plain ones", async () => {
    const frame = await firstFrame("alpha");
    for (let i = 3; i < frame.length; i += 4)
      if (frame[i] !== 255) throw new Error(`alpha at ${i}`);
  });

  it("move over time, so the preview is visibly alive", async () => {
    const scene = await createScene({ ...spec, seedText: "drift" });
    const first = Buffer.from(rasterBytes(scene.frame(0)));
    expect(first.equals(Buffer.from(rasterBytes(scene.frame(24))))).toBe(false);
  });

  it("change the caption on the cue's frame", async () => {
    const scene = await createScene({
      ...spec,
      seedText: "cue",
      cues: [
        { fromFrame: 0, kicker: "start", prompt: "first" },
        { fromFrame: 10, kicker: "interact 1 of 1", prompt: "second, a much longer caption" },
      ],
    });
    // Compare the caption band only: the camera moves the rest.
    const band = (index: number) => {
      const bytes = rasterBytes(scene.frame(index));
      return Buffer.from(bytes.subarray(120 * 320 * 4));
    };
    const before = band(9);
    expect(band(9).equals(before)).toBe(true);
    expect(band(10).equals(before)).toBe(false);
  });

  it("draw emoji, CJK and right-to-left text without throwing", async () => {
    const scene = await createScene({
      ...spec,
      seedText: "x",
      cues: [{ fromFrame: 0, kicker: "start", prompt: "雨の街 🌧️ مدينة 👨‍👩‍👧 \u0000\uFFFF" }],
    });
    expect(scene.frame(0).pixels.length).toBe(320 * 176);
  });

  it("keep a long prompt's caption inside the frame", () => {
    for (const [width, height, lines] of [
      [1280, 704, 4],
      [704, 1280, 6],
    ] as const) {
      const style = overlayStyle(width, height);
      const maxWidth = width - style.margin * 2;
      const panel = captionPanel(
        { kicker: "interact 3 of 3", prompt: "a very long prompt ".repeat(200) },
        maxWidth,
        lines,
        style,
      );
      expect(panel.width).toBeLessThanOrEqual(maxWidth);
      expect(panel.height).toBeLessThan(height / 2);
    }
  });
});
