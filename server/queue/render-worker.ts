// The render process: renders a job's streams one after another and reports each, then waits
// for the next job (the engine keeps it warm in a pool). An abort ends it: the engine starts a
// fresh one. It exits when the engine goes away, so an engine killed with -9 leaves no renderer
// (or ffmpeg) behind.
import { RenderError, renderStream } from "../render/render-stream";
import type { FromWorker, ToWorker } from "./worker-protocol";

/** How long the renderer's cleanup may take before the process exits regardless. */
const EXIT_GRACE_MS = 2000;
/** The least time between two progress reports of a stream: frames come far faster. */
const PROGRESS_EVERY_MS = 200;

const controller = new AbortController();
let rendering: Promise<void> = Promise.resolve();

function send(message: FromWorker): void {
  if (process.connected) process.send?.(message);
}

function stop(): void {
  if (controller.signal.aborted) return;
  controller.abort(new Error("stopped"));
  // The renderer's finally blocks stop ffmpeg and delete partial files: exit as soon as they
  // have run, so the engine can give this slot to the next job.
  const exit = () => process.exit(0);
  rendering.then(exit, exit);
  setTimeout(exit, EXIT_GRACE_MS).unref();
}

process.on("disconnect", stop);
process.on("SIGTERM", stop);
process.on("message", (message: ToWorker) => {
  if (message.type === "abort") stop();
  else rendering = render(message.tasks);
});

async function render(tasks: Extract<ToWorker, { type: "render" }>["tasks"]): Promise<void> {
  for (const task of tasks) {
    if (controller.signal.aborted) return;
    const streamId = task.input.streamId;
    send({ type: "stream-started", streamId });
    const startedAt = performance.now();
    let reportedAt = -Infinity;
    const onProgress = (framesDone: number, framesTotal: number) => {
      const now = performance.now();
      if (framesDone < framesTotal && now - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = now;
      send({ type: "stream-progress", streamId, framesDone, framesTotal });
    };
    try {
      const result = await renderStream(task.input, task.outDir, {
        signal: controller.signal,
        onProgress,
      });
      send({
        type: "stream-completed",
        streamId,
        frameCount: result.frameCount,
        durationSeconds: result.durationSeconds,
        width: result.width,
        height: result.height,
        renderMs: Math.round(performance.now() - startedAt),
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      const message =
        error instanceof RenderError
          ? error.message
          : `the renderer failed: ${(error as Error).message}`;
      send({ type: "stream-failed", streamId, message });
    }
  }
  send({ type: "finished" });
}

send({ type: "ready" });
