// Renders one stream of a script as a preview: an animatic with the script's exact timing,
// captions and start image. It is not a world model; it lets a creator check a script free.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ffmpegPath, lastLines, probeVideo, runFfmpeg } from "./ffmpeg";
import { createScene, SceneError } from "./scene";

export const FPS = 25;
export const FRAME_MS = 1000 / FPS;
const PREVIEW_SECONDS = 3;
const PREVIEW_WIDTH = 320;

export interface RenderStreamInput {
  streamId: string;
  /** 1-based, shown in a corner. */
  streamNumber: number;
  portrait: boolean;
  durationMs: number;
  start: {
    prompt: string;
    image?: { bytes: Uint8Array; mime: "image/jpeg" | "image/png" | "image/webp" };
  };
  /** Milliseconds from the stream's start, non-decreasing. */
  interactions: { offsetMs: number; prompt: string }[];
  /** Absolute script times, for the events file. */
  scriptTimestamps?: { startMs: number; interactionsMs: number[]; endMs: number };
}

export interface RenderedStream {
  files: { video: string; thumbnail: string; preview: string; events: string };
  /** Measured from the written video, not copied from the input. */
  frameCount: number;
  durationSeconds: number;
  width: number;
  height: number;
}

export class RenderError extends Error {}

export interface RenderOptions {
  signal?: AbortSignal;
  onProgress?: (framesDone: number, framesTotal: number) => void;
  /** x264 preset; the benchmark compares them. */
  preset?: string;
}

export const FILE_NAMES = {
  video: "video.mp4",
  thumbnail: "thumbnail.jpg",
  preview: "preview.mp4",
  events: "events.json",
} as const;

export function frameCountFor(durationMs: number): number {
  return Math.round(durationMs / FRAME_MS);
}

export function frameSizeFor(portrait: boolean): { width: number; height: number } {
  return portrait ? { width: 704, height: 1280 } : { width: 1280, height: 704 };
}

/** The x264 settings every encode here uses: fast enough for 2 cores, sharp enough to read. */
export function x264Args(preset = "veryfast"): string[] {
  return ["-c:v", "libx264", "-preset", preset, "-crf", "23", "-pix_fmt", "yuv420p"];
}

export async function renderStream(
  input: RenderStreamInput,
  outDir: string,
  options: RenderOptions = {},
): Promise<RenderedStream> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const { width, height } = frameSizeFor(input.portrait);
  const total = frameCountFor(input.durationMs);
  if (total < 1) throw new RenderError(`a stream of ${input.durationMs} ms has no frames`);
  await mkdir(outDir, { recursive: true });

  const tmp = (name: string) => path.join(outDir, `.${name}.partial`);
  const final = (name: string) => path.join(outDir, name);
  const temporaries = Object.values(FILE_NAMES).map(tmp);

  try {
    let scene;
    try {
      scene = await createScene({
        width,
        height,
        durationMs: input.durationMs,
        streamNumber: input.streamNumber,
        seedText: input.start.prompt,
        cues: [
          { fromMs: 0, prompt: input.start.prompt },
          ...input.interactions.map((i) => ({ fromMs: i.offsetMs, prompt: i.prompt })),
        ],
        ...(input.start.image && { image: input.start.image.bytes }),
      });
    } catch (error) {
      throw error instanceof SceneError ? new RenderError(error.message) : error;
    }

    await encodeFrames({
      output: tmp(FILE_NAMES.video),
      width,
      height,
      total,
      draw: (index) => scene.frame(index * FRAME_MS),
      onFirstFrame: async () => {
        await writeFile(tmp(FILE_NAMES.thumbnail), await scene.canvas.encode("jpeg", 85));
      },
      ...(signal && { signal }),
      ...(onProgress && { onProgress }),
      ...(options.preset && { preset: options.preset }),
    });

    await runFfmpeg(
      [
        "-i",
        tmp(FILE_NAMES.video),
        "-t",
        String(PREVIEW_SECONDS),
        "-vf",
        `scale=${input.portrait ? -2 : PREVIEW_WIDTH}:${input.portrait ? PREVIEW_WIDTH : -2}`,
        "-an",
        ...x264Args(),
        "-crf",
        "30",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        "-y",
        tmp(FILE_NAMES.preview),
      ],
      signal,
    );

    const measured = await probeVideo(tmp(FILE_NAMES.video));
    const times = input.scriptTimestamps;
    const events = {
      stream_id: input.streamId,
      fps: FPS,
      frame_count: measured.frameCount,
      width: measured.width,
      height: measured.height,
      events: [
        {
          type: "start",
          timestamp_ms: times?.startMs ?? 0,
          offset_ms: 0,
          frame: 0,
          prompt: input.start.prompt,
          image: input.start.image ? input.start.image.mime : null,
        },
        ...input.interactions.map((interaction, i) => ({
          type: "interact",
          timestamp_ms: times?.interactionsMs[i] ?? interaction.offsetMs,
          offset_ms: interaction.offsetMs,
          frame: Math.min(measured.frameCount - 1, Math.round(interaction.offsetMs / FRAME_MS)),
          prompt: interaction.prompt,
        })),
        {
          type: "end",
          timestamp_ms: times?.endMs ?? input.durationMs,
          offset_ms: input.durationMs,
          frame: measured.frameCount,
        },
      ],
    };
    await writeFile(tmp(FILE_NAMES.events), `${JSON.stringify(events, null, 2)}\n`);
    signal?.throwIfAborted();

    // The video goes last: its presence is what says the stream's files are complete.
    for (const name of [
      FILE_NAMES.thumbnail,
      FILE_NAMES.preview,
      FILE_NAMES.events,
      FILE_NAMES.video,
    ]) {
      await rename(tmp(name), final(name));
    }
    return {
      files: {
        video: final(FILE_NAMES.video),
        thumbnail: final(FILE_NAMES.thumbnail),
        preview: final(FILE_NAMES.preview),
        events: final(FILE_NAMES.events),
      },
      frameCount: measured.frameCount,
      durationSeconds: measured.durationSeconds,
      width: measured.width,
      height: measured.height,
    };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof RenderError) throw error;
    throw new RenderError((error as Error).message);
  } finally {
    await Promise.all(temporaries.map((file) => rm(file, { force: true })));
  }
}

interface EncodeJob {
  output: string;
  width: number;
  height: number;
  total: number;
  draw: (index: number) => Buffer;
  onFirstFrame?: () => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  preset?: string;
}

/** Pipes raw RGBA frames into ffmpeg; no frame ever touches the disk. */
export async function encodeFrames(job: EncodeJob): Promise<void> {
  const ffmpeg = spawn(
    ffmpegPath,
    [
      "-hide_banner",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgba",
      "-s",
      `${job.width}x${job.height}`,
      "-r",
      String(FPS),
      "-i",
      "-",
      ...x264Args(job.preset),
      "-r",
      String(FPS),
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
      "-y",
      job.output,
    ],
    { stdio: ["pipe", "ignore", "pipe"] },
  );
  let stderr = "";
  ffmpeg.stderr.setEncoding("utf8");
  ffmpeg.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-64 * 1024);
  });
  // A write to a dead ffmpeg fails with EPIPE; the exit code below says why it died.
  ffmpeg.stdin.on("error", () => {});
  const exited = new Promise<number | null>((resolve, reject) => {
    ffmpeg.on("error", reject);
    ffmpeg.on("close", (code) => resolve(code));
  });
  const kill = () => ffmpeg.kill("SIGKILL");
  job.signal?.addEventListener("abort", kill, { once: true });

  try {
    for (let index = 0; index < job.total; index++) {
      job.signal?.throwIfAborted();
      if (ffmpeg.exitCode !== null) break;
      const pixels = job.draw(index);
      if (index === 0 && job.onFirstFrame) await job.onFirstFrame();
      if (!ffmpeg.stdin.write(pixels)) {
        await Promise.race([once(ffmpeg.stdin, "drain"), exited]);
      }
      job.onProgress?.(index + 1, job.total);
    }
    ffmpeg.stdin.end();
    const code = await exited;
    job.signal?.throwIfAborted();
    if (code !== 0)
      throw new RenderError(`ffmpeg failed (exit code ${code}): ${lastLines(stderr)}`);
  } catch (error) {
    kill();
    await exited.catch(() => null);
    throw error;
  } finally {
    job.signal?.removeEventListener("abort", kill);
  }
}
