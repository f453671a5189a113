// ffmpeg from the @ffmpeg-installer package (its binary ships inside the npm package, so it
// installs offline), and the one place that reads what ffmpeg says about a file.
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { type ChildProcess, spawn } from "node:child_process";

export const ffmpegPath: string = ffmpegInstaller.path;

/** How long a killed ffmpeg gets to exit before it is sent SIGKILL. */
const KILL_GRACE_MS = 500;

export class FfmpegError extends Error {}

/**
 * Stops `child` and resolves once it has exited. SIGTERM first: a frozen ffmpeg that ignores
 * it, or takes long to finish writing, gets SIGKILL after a grace period.
 */
export function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
  return exited.then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return code === null ? `was killed by ${signal ?? "a signal"}` : `exited with code ${code}`;
}

/** Runs ffmpeg to completion, returning its stderr; rejects with its last lines on failure. */
export async function runFfmpeg(args: string[], signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  const child = spawn(ffmpegPath, ["-hide_banner", "-nostdin", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    // Keep the tail only: ffmpeg's progress lines can run long.
    stderr = (stderr + chunk).slice(-64 * 1024);
  });
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, killedBy) => resolve([code, killedBy]));
  });
  const onAbort = () => void stopProcess(child, exited);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const [code, killedBy] = await exited;
    signal?.throwIfAborted();
    if (code !== 0) {
      throw new FfmpegError(`ffmpeg ${describeExit(code, killedBy)}: ${lastLines(stderr)}`);
    }
    return stderr;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

export function lastLines(text: string, count = 3): string {
  const lines = text.trim().split(/\r?\n/).filter(Boolean).slice(-count);
  return lines.length ? lines.join(" | ") : "(no output)";
}

export interface ProbeResult {
  codec: string;
  pixelFormat: string;
  width: number;
  height: number;
  durationSeconds: number;
  frameCount: number;
}

/** Reads a video's figures. Copies its stream to nowhere, which counts frames without decoding. */
export async function probeVideo(file: string, signal?: AbortSignal): Promise<ProbeResult> {
  const stderr = await runFfmpeg(
    ["-i", file, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"],
    signal,
  );
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const video = /Stream #\S+.*?Video: (\w+).*?, (\w+)(?:\([^)]*\))?, (\d+)x(\d+)/.exec(stderr);
  const frames = [...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1);
  if (!duration || !video || !frames) {
    throw new FfmpegError(`could not read the rendered video: ${lastLines(stderr)}`);
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
