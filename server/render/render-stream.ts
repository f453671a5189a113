// Renders one stream of a script as a preview: an animatic with the script's exact timing,
// captions and start image. It is not Odyssey's world model; it lets a creator check a script
// for free. Safe to call from a worker thread or a child process: inputs and results are
// plain data, and nothing here depends on state set up elsewhere.
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { BackdropError } from "./backdrop";
import { encodeFrames, x264Args } from "./encode-frames";
import { FfmpegError, type ProbeResult, probeVideo, runFfmpeg } from "./ffmpeg";
import { type Raster, rasterBytes } from "./pixels";
import { type Cue, createScene, encodeJpeg, type SceneSpec } from "./scene";
import { FPS, FRAME_MS, firstFrameAt, frameCountFor, frameSizeFor } from "./timing";

export interface RenderStreamInput {
  streamId: string;
  /** 1-based, shown in a corner. */
  streamNumber: number;
  /** 704x1280 if true, else 1280x704. */
  portrait: boolean;
  /** End minus start of the stream. */
  durationMs: number;
  start: {
    prompt: string;
    image?: { bytes: Uint8Array; mime: "image/jpeg" | "image/png" | "image/webp" };
  };
  /** Milliseconds from the stream's start, non-decreasing. */
  interactions: { offsetMs: number; prompt: string }[];
  /** Absolute script times, for the events file and the on-screen script clock. */
  scriptTimestamps?: { startMs: number; interactionsMs: number[]; endMs: number };
}

export interface RenderedStream {
  /** Absolute paths in the output directory. */
  files: { video: string; thumbnail: string; preview: string; events: string };
  /** Measured from the written video, not copied from the input. */
  frameCount: number;
  durationSeconds: number;
  width: number;
  height: number;
}

/** A stream that could not be rendered; the message is written for the person who sent it. */
export class RenderError extends Error {
  override name = "RenderError";
}

export interface RenderOptions {
  signal?: AbortSignal;
  onProgress?: (framesDone: number, framesTotal: number) => void;
  /** x264 preset for the video; veryfast unless a benchmark asks otherwise. */
  preset?: string;
}

export const FILE_NAMES = {
  video: "video.mp4",
  thumbnail: "thumbnail.jpg",
  preview: "preview.mp4",
  events: "events.json",
} as const;

type FileKey = keyof typeof FILE_NAMES;

/** The hover preview: the stream's first seconds, small. */
const PREVIEW_SECONDS = 3;
const PREVIEW_SHORT_SIDE = 176;

export async function renderStream(
  input: RenderStreamInput,
  outDir: string,
  options: RenderOptions = {},
): Promise<RenderedStream> {
  const { signal } = options;
  signal?.throwIfAborted();
  const frameCount = checkInput(input);
  const { width, height } = frameSizeFor(input.portrait);

  // A unique suffix, so two renders into one directory never write each other's files.
  const token = randomUUID().slice(0, 8);
  const keys = Object.keys(FILE_NAMES) as FileKey[];
  const partial = (key: FileKey) => path.join(outDir, `.${FILE_NAMES[key]}.${token}.partial`);
  const final = (key: FileKey) => path.join(outDir, FILE_NAMES[key]);
  const placed: string[] = [];

  try {
    await mkdir(outDir, { recursive: true });
    const scene = await createScene(sceneSpecFor(input));

    let drawn: Raster | undefined;
    await encodeFrames({
      output: partial("video"),
      width,
      height,
      frameCount,
      frame: (index) => rasterBytes((drawn = scene.frame(index))),
      afterFrame: async (index) => {
        if (index === 0 && drawn) await writeFile(partial("thumbnail"), await encodeJpeg(drawn));
      },
      ...(signal && { signal }),
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.preset && { preset: options.preset }),
    });

    const previewSize = input.portrait ? `${PREVIEW_SHORT_SIDE}:-2` : `-2:${PREVIEW_SHORT_SIDE}`;
    await runFfmpeg(
      [
        "-t",
        String(PREVIEW_SECONDS),
        "-i",
        partial("video"),
        "-vf",
        `scale=${previewSize}`,
        ...x264Args({ crf: 28 }),
        "-an",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        "-y",
        partial("preview"),
      ],
      signal,
    );

    const measured = await probeVideo(partial("video"), signal);
    await writeFile(partial("events"), `${JSON.stringify(eventsFile(input, measured), null, 2)}\n`);
    signal?.throwIfAborted();

    // The video goes last: its presence says the stream's files are complete.
    for (const key of ["thumbnail", "preview", "events", "video"] as const) {
      await rename(partial(key), final(key));
      placed.push(final(key));
    }
    return {
      files: {
        video: final("video"),
        thumbnail: final("thumbnail"),
        preview: final("preview"),
        events: final("events"),
      },
      frameCount: measured.frameCount,
      durationSeconds: measured.durationSeconds,
      width: measured.width,
      height: measured.height,
    };
  } catch (error) {
    await Promise.all(placed.map((file) => rm(file, { force: true })));
    if (signal?.aborted) throw signal.reason;
    throw asRenderError(error);
  } finally {
    await Promise.all(keys.map((key) => rm(partial(key), { force: true })));
  }
}

/** Returns the stream's frame count, or says what is wrong with the input. */
function checkInput(input: RenderStreamInput): number {
  if (!Number.isFinite(input.durationMs) || input.durationMs <= 0) {
    throw new RenderError(`a stream must last longer than 0 ms (got ${input.durationMs})`);
  }
  const frameCount = frameCountFor(input.durationMs);
  if (frameCount < 1) {
    throw new RenderError(
      `a stream of ${input.durationMs} ms is shorter than one frame (${FRAME_MS} ms)`,
    );
  }
  let previous = 0;
  for (const { offsetMs } of input.interactions) {
    if (!Number.isFinite(offsetMs) || offsetMs < previous || offsetMs > input.durationMs) {
      throw new RenderError(
        `interactions must be in order within the stream's ${input.durationMs} ms (got ${offsetMs} ms)`,
      );
    }
    previous = offsetMs;
  }
  return frameCount;
}

/** What the stream's frames are drawn from; the benchmark draws the very same frames. */
export function sceneSpecFor(input: RenderStreamInput): SceneSpec {
  const count = input.interactions.length;
  const cues: Cue[] = [
    { fromFrame: 0, kicker: "start", prompt: input.start.prompt },
    ...input.interactions.map((interaction, i) => ({
      fromFrame: firstFrameAt(interaction.offsetMs),
      kicker: `interact ${i + 1} of ${count}`,
      prompt: interaction.prompt,
    })),
  ];
  return {
    ...frameSizeFor(input.portrait),
    frameCount: frameCountFor(input.durationMs),
    streamNumber: input.streamNumber,
    seedText: input.start.prompt,
    cues,
    ...(input.start.image && { image: input.start.image.bytes }),
    ...(input.scriptTimestamps && { scriptStartMs: input.scriptTimestamps.startMs }),
  };
}

function eventsFile(input: RenderStreamInput, measured: ProbeResult) {
  const times = input.scriptTimestamps;
  return {
    stream_id: input.streamId,
    stream_number: input.streamNumber,
    renderer: "local preview: an animatic of the script's timing, not a world-model video",
    fps: FPS,
    frame_count: measured.frameCount,
    duration_seconds: measured.durationSeconds,
    width: measured.width,
    height: measured.height,
    events: [
      {
        type: "start",
        timestamp_ms: times?.startMs ?? 0,
        offset_ms: 0,
        frame: 0,
        prompt: input.start.prompt,
        image: input.start.image?.mime ?? null,
      },
      ...input.interactions.map((interaction, i) => ({
        type: "interact",
        timestamp_ms: times?.interactionsMs[i] ?? interaction.offsetMs,
        offset_ms: interaction.offsetMs,
        // An entry at the very end applies after the last frame, as the end does.
        frame: Math.min(measured.frameCount, firstFrameAt(interaction.offsetMs)),
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
}

function asRenderError(error: unknown): RenderError {
  if (error instanceof RenderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BackdropError) return new RenderError(message, { cause: error });
  if (error instanceof FfmpegError) {
    return new RenderError(`encoding failed: ${message}`, { cause: error });
  }
  return new RenderError(`the renderer failed: ${message}`, { cause: error });
}
