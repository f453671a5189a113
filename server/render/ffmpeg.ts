// ffmpeg from the @ffmpeg-installer package (its binary ships inside the npm package), and
// the one place that reads what ffmpeg says about a file.
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { spawn } from "node:child_process";

export const ffmpegPath: string = ffmpegInstaller.path;

export interface ProbeResult {
  codec: string;
  pixelFormat: string;
  width: number;
  height: number;
  durationSeconds: number;
  frameCount: number;
}

/** Runs ffmpeg to completion, returning its stderr; rejects with its last lines on failure. */
export function runFfmpeg(args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, ["-hide_banner", "-nostdin", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      // Keep the tail only: ffmpeg's progress lines can run long.
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    const onAbort = () => child.kill("SIGKILL");
    signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", reject);
    child.on("close", (code) => {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) reject(signal.reason);
      else if (code === 0) resolve(stderr);
      else reject(new Error(`ffmpeg exited with code ${code}: ${lastLines(stderr)}`));
    });
  });
}

export function lastLines(text: string, count = 3): string {
  return text.trim().split(/\r?\n/).slice(-count).join(" | ");
}

/** Decodes nothing: copies the video stream to nowhere, which counts its frames exactly. */
export async function probeVideo(file: string): Promise<ProbeResult> {
  const stderr = await runFfmpeg(["-i", file, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"]);
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const video = /Stream #\S+.*?Video: (\w+).*?, (\w+)(?:\([^)]*\))?, (\d+)x(\d+)/.exec(stderr);
  const frames = [...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1);
  if (!duration || !video || !frames) {
    throw new Error(`could not read the rendered video: ${lastLines(stderr)}`);
  }
  return {
    codec: video[1] as string,
    pixelFormat: video[2] as string,
    width: Number(video[3]),
    height: Number(video[4]),
    durationSeconds: Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]),
    frameCount: Number(frames[1]),
  };
}
