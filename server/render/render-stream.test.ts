// Renders real clips and reads them back with ffmpeg: what a player gets, not what the renderer
// meant to write.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probeVideo } from "./ffmpeg";
import { RenderError, type RenderStreamInput, renderStream } from "./render-stream";

const root = mkdtempSync(path.join(tmpdir(), "simulate-render-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const outDir = () => path.join(root, `stream-${dirs++}`);

/** A green picture with a blue centre, so a centre crop can be told from a corner. */
function pictureBytes(width: number, height: number, mime: "image/png" | "image/jpeg"): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#22c55e";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1d4ed8";
  ctx.fillRect(width * 0.35, height * 0.35, width * 0.3, height * 0.3);
  return mime === "image/png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg");
}

/** Top-level MP4 box types in file order. */
function topLevelBoxes(file: string): string[] {
  const bytes = readFileSync(file);
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(offset);
    boxes.push(bytes.toString("ascii", offset + 4, offset + 8));
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    if (size === 0) break; // the box runs to the end of the file
    if (size < 8) throw new Error(`a box of ${size} bytes at ${offset}`);
    offset += size;
  }
  return boxes;
}

/** ffmpeg processes this test process started that are still alive (Linux only). */
function ffmpegChildren(): number[] {
  if (process.platform !== "linux") return [];
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = /^\d+ \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (stat?.[1] === "ffmpeg" && Number(stat[2]) === process.pid) pids.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return pids;
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
  it("writes a faststart H.264 MP4 of round(d/40) frames, a thumbnail, a preview and events", async () => {
    const dir = outDir();
    const progress: number[] = [];
    const result = await renderStream(landscape, dir, {
      onProgress: (done, total) => {
        expect(total).toBe(31);
        progress.push(done);
      },
    });
    expect(result).toMatchObject({ frameCount: 31, width: 1280, height: 704 });
    expect(Math.abs(result.durationSeconds - 1.22)).toBeLessThanOrEqual(0.04);
    expect(progress.at(-1)).toBe(31);

    const video = await probeVideo(result.files.video);
    expect(video).toMatchObject({
      codec: "h264",
      pixelFormat: "yuv420p",
      width: 1280,
      height: 704,
      frameCount: 31,
    });
    const boxes = topLevelBoxes(result.files.video);
    expect(boxes[0]).toBe("ftyp");
    expect(boxes).toContain("mdat");
    expect(boxes.indexOf("moov")).toBeGreaterThan(-1);
    expect(boxes.indexOf("moov")).toBeLessThan(boxes.indexOf("mdat"));

    const jpeg = readFileSync(result.files.thumbnail);
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const thumbnail = await loadImage(jpeg);
    expect([thumbnail.width, thumbnail.height]).toEqual([1280, 704]);

    const preview = await probeVideo(result.files.preview);
    expect(preview).toMatchObject({ codec: "h264", pixelFormat: "yuv420p", height: 176 });
    expect(preview.width).toBe(320);
    expect(preview.durationSeconds).toBeLessThanOrEqual(3);
    expect(topLevelBoxes(result.files.preview).indexOf("moov")).toBeLessThan(
      topLevelBoxes(result.files.preview).indexOf("mdat"),
    );

    const events = JSON.parse(readFileSync(result.files.events, "utf8"));
    expect(events).toMatchObject({
      stream_id: landscape.streamId,
      fps: 25,
      frame_count: 31,
      width: 1280,
      height: 704,
    });
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

  it("renders a portrait image-to-video stream at 704x1280, centre-cropped from the image", async () => {
    const result = await renderStream(
      {
        streamId: "22222222-2222-4222-8222-222222222222",
        streamNumber: 1,
        portrait: true,
        durationMs: 1000,
        interactions: [],
        start: {
          prompt: "from a photo",
          image: { bytes: pictureBytes(900, 500, "image/png"), mime: "image/png" },
        },
      },
      outDir(),
    );
    expect(result).toMatchObject({ width: 704, height: 1280, frameCount: 25, durationSeconds: 1 });
    const video = await probeVideo(result.files.video);
    expect(video).toMatchObject({ codec: "h264", pixelFormat: "yuv420p", frameCount: 25 });
    expect(await probeVideo(result.files.preview)).toMatchObject({ width: 176, height: 320 });

    // The image's blue centre fills the frame's middle: a centre crop, not a corner or a stretch.
    const thumbnail = await loadImage(readFileSync(result.files.thumbnail));
    const canvas = createCanvas(704, 1280);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(thumbnail, 0, 0);
    const [r, g, b] = ctx.getImageData(352, 640, 1, 1).data;
    expect(b).toBeGreaterThan(180);
    expect(r).toBeLessThan(80);
    expect(g).toBeLessThan(120);
    const events = JSON.parse(readFileSync(result.files.events, "utf8"));
    expect(events.events[0]).toMatchObject({ type: "start", image: "image/png", frame: 0 });
  });

  it("fails a corrupt image with a readable message and leaves no files", async () => {
    const dir = outDir();
    const corrupt = Buffer.concat([
      pictureBytes(64, 64, "image/jpeg").subarray(0, 60),
      Buffer.alloc(60),
    ]);
    const failure = renderStream(
      { ...landscape, start: { prompt: "x", image: { bytes: corrupt, mime: "image/jpeg" } } },
      dir,
    );
    await expect(failure).rejects.toBeInstanceOf(RenderError);
    await expect(failure).rejects.toThrow(/^the start image could not be decoded: \S/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("fails an ffmpeg error with its exit code and last lines, leaving no files", async () => {
    const dir = outDir();
    const failure = renderStream(landscape, dir, { preset: "no-such-preset" });
    await expect(failure).rejects.toBeInstanceOf(RenderError);
    await expect(failure).rejects.toThrow(/^encoding failed: ffmpeg exited with code \d+: .+/);
    expect(readdirSync(dir)).toEqual([]);
    expect(ffmpegChildren()).toEqual([]);
  });

  it("refuses a stream shorter than a frame and interactions out of order", async () => {
    await expect(renderStream({ ...landscape, durationMs: 0 }, outDir())).rejects.toThrow(
      RenderError,
    );
    const unordered = {
      ...landscape,
      interactions: [
        { offsetMs: 800, prompt: "b" },
        { offsetMs: 400, prompt: "a" },
      ],
    };
    await expect(renderStream(unordered, outDir())).rejects.toThrow(/in order/);
  });

  it("stops ffmpeg and removes its temporary files when aborted mid-render", async () => {
    const dir = outDir();
    const controller = new AbortController();
    let runningAtAbort: number[] = [];
    const rendering = renderStream({ ...landscape, durationMs: 30_000 }, dir, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done !== 20) return;
        runningAtAbort = ffmpegChildren();
        controller.abort(new Error("cancelled by the test"));
      },
    });
    await expect(rendering).rejects.toThrow("cancelled by the test");
    if (process.platform === "linux") expect(runningAtAbort).toHaveLength(1);
    expect(ffmpegChildren()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const dir = outDir();
    const failure = renderStream(landscape, dir, { signal: AbortSignal.abort() });
    await expect(failure).rejects.toMatchObject({ name: "AbortError" });
  });
});
