// Renders real clips and reads them back with ffmpeg: what a player would get, not what the
// renderer meant to write.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probeVideo } from "./ffmpeg";
import { RenderError, type RenderStreamInput, renderStream } from "./render-stream";
import { createScene, wrapText } from "./scene";

const root = mkdtempSync(path.join(tmpdir(), "simulate-render-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const outDir = () => path.join(root, `stream-${dirs++}`);

function imageBytes(width: number, height: number, mime: "image/png" | "image/jpeg"): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#22c55e";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1e3a8a";
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return mime === "image/png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg");
}

/** Top-level MP4 boxes in file order. */
function topLevelBoxes(file: string): string[] {
  const bytes = readFileSync(file);
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    boxes.push(type);
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

const landscape: RenderStreamInput = {
  streamId: "11111111-1111-4111-8111-111111111111",
  streamNumber: 2,
  portrait: false,
  durationMs: 1220,
  start: { prompt: "A lighthouse on a cliff at dusk" },
  interactions: [{ offsetMs: 600, prompt: "a storm rolls in" }],
  scriptTimestamps: { startMs: 5000, interactionsMs: [5600], endMs: 6220 },
};

describe("renderStream", () => {
  it("writes a faststart H.264 MP4 with exactly round(d/40) frames, a thumbnail, a preview and events", async () => {
    const dir = outDir();
    const result = await renderStream(landscape, dir);
    expect(result).toMatchObject({ frameCount: 31, width: 1280, height: 704 });
    expect(Math.abs(result.durationSeconds - 1.22)).toBeLessThanOrEqual(0.04);

    const video = await probeVideo(result.files.video);
    expect(video).toMatchObject({
      codec: "h264",
      pixelFormat: "yuv420p",
      width: 1280,
      height: 704,
      frameCount: 31,
    });
    const boxes = topLevelBoxes(result.files.video);
    expect(boxes.indexOf("moov")).toBeGreaterThan(-1);
    expect(boxes.indexOf("moov")).toBeLessThan(boxes.indexOf("mdat"));

    const thumbnail = await loadImage(readFileSync(result.files.thumbnail));
    expect([thumbnail.width, thumbnail.height]).toEqual([1280, 704]);
    expect(readFileSync(result.files.thumbnail).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );

    const preview = await probeVideo(result.files.preview);
    expect(preview.codec).toBe("h264");
    expect(preview.width).toBe(320);
    expect(preview.durationSeconds).toBeLessThanOrEqual(3);

    const events = JSON.parse(readFileSync(result.files.events, "utf8")) as { events: unknown[] };
    expect(events.events).toEqual([
      {
        type: "start",
        timestamp_ms: 5000,
        offset_ms: 0,
        frame: 0,
        prompt: "A lighthouse on a cliff at dusk",
        image: null,
      },
      {
        type: "interact",
        timestamp_ms: 5600,
        offset_ms: 600,
        frame: 15,
        prompt: "a storm rolls in",
      },
      { type: "end", timestamp_ms: 6220, offset_ms: 1220, frame: 31 },
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      "events.json",
      "preview.mp4",
      "thumbnail.jpg",
      "video.mp4",
    ]);
  });

  it("renders a portrait image-to-video stream at 704x1280 from a JPEG", async () => {
    const result = await renderStream(
      {
        ...landscape,
        portrait: true,
        durationMs: 1000,
        interactions: [],
        start: {
          prompt: "from a photo",
          image: { bytes: imageBytes(900, 500, "image/jpeg"), mime: "image/jpeg" },
        },
      },
      outDir(),
    );
    expect(result).toMatchObject({ width: 704, height: 1280, frameCount: 25, durationSeconds: 1 });
    const preview = await probeVideo(result.files.preview);
    expect(preview.height).toBe(320);
  });

  it("fails a corrupt image with a readable message and leaves no files", async () => {
    const dir = outDir();
    const corrupt = Buffer.concat([
      Buffer.from(imageBytes(64, 64, "image/png")).subarray(0, 40),
      Buffer.alloc(40),
    ]);
    const failure = renderStream(
      { ...landscape, start: { prompt: "x", image: { bytes: corrupt, mime: "image/png" } } },
      dir,
    );
    await expect(failure).rejects.toBeInstanceOf(RenderError);
    await expect(failure).rejects.toThrow(/^the start image could not be decoded/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("stops ffmpeg and removes its temporary files when aborted mid-render", async () => {
    const dir = outDir();
    const controller = new AbortController();
    const rendering = renderStream({ ...landscape, durationMs: 30_000 }, dir, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 20) controller.abort(new Error("cancelled by the test"));
      },
    });
    await expect(rendering).rejects.toThrow("cancelled by the test");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("scenes", () => {
  const spec = {
    width: 320,
    height: 176,
    durationMs: 1000,
    streamNumber: 1,
    cues: [{ fromMs: 0, prompt: "p" }],
  };

  it("draw the same picture for the same prompt and another for another", async () => {
    const a = Buffer.from((await createScene({ ...spec, seedText: "a red canyon" })).frame(0));
    const again = Buffer.from((await createScene({ ...spec, seedText: "a red canyon" })).frame(0));
    const other = Buffer.from((await createScene({ ...spec, seedText: "a blue lagoon" })).frame(0));
    expect(a.equals(again)).toBe(true);
    expect(a.equals(other)).toBe(false);
  });

  it("move over time, so the preview is visibly alive", async () => {
    const scene = await createScene({ ...spec, seedText: "drift" });
    const first = Buffer.from(scene.frame(0));
    expect(first.equals(Buffer.from(scene.frame(800)))).toBe(false);
  });

  it("draw emoji, CJK and right-to-left text without throwing", async () => {
    const scene = await createScene({
      ...spec,
      seedText: "x",
      cues: [{ fromMs: 0, prompt: "雨の街 🌧️ مدينة" }],
    });
    expect(scene.frame(0).length).toBe(320 * 176 * 4);
  });

  it("wrap long prompts inside the frame, ending the last line with an ellipsis", () => {
    const ctx = createCanvas(10, 10).getContext("2d");
    ctx.font = "20px sans-serif";
    const lines = wrapText(ctx, `${"word ".repeat(200)}${"x".repeat(300)}`, 300, 4);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(ctx.measureText(line).width).toBeLessThanOrEqual(300);
    expect(lines[3]?.endsWith("…")).toBe(true);
    const unbroken = wrapText(ctx, "y".repeat(500), 300, 10);
    for (const line of unbroken) expect(ctx.measureText(line).width).toBeLessThanOrEqual(300);
  });
});
