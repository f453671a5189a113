// Pipes raw RGBA frames into ffmpeg's stdin and encodes them as H.264: no frame touches the
// disk, and a frame is not drawn until ffmpeg has taken the one before it.
import { spawn } from "node:child_process";
import { describeExit, FfmpegError, ffmpegPath, lastLines, stopProcess } from "./ffmpeg";
import { FPS } from "./timing";

export interface EncodeOptions {
  /** veryfast by default; the benchmark compares presets. */
  preset?: string;
  crf?: number;
}

/**
 * RGB to YUV with the BT.709 matrix, which players assume for HD video: ffmpeg's default
 * (BT.601), untagged, shifts colours slightly in every browser.
 */
export const RGB_TO_BT709 = "scale=out_color_matrix=bt709:out_range=tv";

/**
 * x264 for previews: veryfast keeps encoding ahead of real time on 2 cores with room to
 * spare; CRF 23 keeps captions crisp. A keyframe every 2 s lets the studio's player seek and
 * scrub without decoding far back.
 */
export function x264Args({ preset = "veryfast", crf = 23 }: EncodeOptions = {}): string[] {
  return [
    "-c:v",
    "libx264",
    "-preset",
    preset,
    "-crf",
    String(crf),
    "-g",
    String(FPS * 2),
    "-pix_fmt",
    "yuv420p",
    "-colorspace",
    "bt709",
    "-color_primaries",
    "bt709",
    "-color_trc",
    "bt709",
    "-color_range",
    "tv",
  ];
}

export interface EncodeJob extends EncodeOptions {
  output: string;
  width: number;
  height: number;
  frameCount: number;
  /** The frame's RGBA bytes; they may be reused once the next frame is asked for. */
  frame: (index: number) => Uint8Array;
  /** Called with each frame's bytes after it is drawn, before it is sent. */
  afterFrame?: (index: number, pixels: Uint8Array) => Promise<void> | void;
  signal?: AbortSignal;
  onProgress?: (framesDone: number, framesTotal: number) => void;
}

export async function encodeFrames(job: EncodeJob): Promise<void> {
  job.signal?.throwIfAborted();
  const ffmpeg = spawn(
    ffmpegPath,
    [
      "-hide_banner",
      "-nostats",
      "-loglevel",
      "error",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgba",
      "-s",
      `${job.width}x${job.height}`,
      "-r",
      String(FPS),
      "-i",
      "pipe:0",
      "-vf",
      RGB_TO_BT709,
      ...x264Args(job),
      "-an",
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
  // A write to a dead ffmpeg fails with EPIPE; its exit status says why it died.
  ffmpeg.stdin.on("error", () => {});
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    ffmpeg.on("error", reject);
    ffmpeg.on("close", (code, signal) => resolve([code, signal]));
  });
  // Handled where awaited; this only keeps a spawn failure mid-frame from going unhandled.
  exited.catch(() => {});
  const stop = () => void stopProcess(ffmpeg, exited);
  job.signal?.addEventListener("abort", stop, { once: true });

  try {
    for (let index = 0; index < job.frameCount; index++) {
      job.signal?.throwIfAborted();
      const pixels = job.frame(index);
      await job.afterFrame?.(index, pixels);
      // Wait until the pipe has taken the whole frame: the next draw reuses these bytes, and
      // waiting is also the backpressure that keeps memory flat when ffmpeg is slower.
      const written = new Promise<boolean>((resolve) => {
        ffmpeg.stdin.write(pixels, (error) => resolve(!error));
      });
      const sent = await Promise.race([written, exited.then(() => false)]);
      if (!sent) break;
      job.onProgress?.(index + 1, job.frameCount);
    }
    ffmpeg.stdin.end();
    const [code, signal] = await exited;
    job.signal?.throwIfAborted();
    if (code !== 0) {
      throw new FfmpegError(`ffmpeg ${describeExit(code, signal)}: ${lastLines(stderr)}`);
    }
  } catch (error) {
    await stopProcess(ffmpeg, exited);
    throw error;
  } finally {
    job.signal?.removeEventListener("abort", stop);
  }
}
