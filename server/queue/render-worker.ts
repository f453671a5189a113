// The render process: renders a job's streams one after another and reports each. It exits
// when the engine goes away, so an engine killed with -9 leaves no renderer (or ffmpeg) behind.
import { RenderError, renderStream } from "../render/render-stream";
import type { FromWorker, ToWorker } from "./worker-protocol";

const controller = new AbortController();
const send = (message: FromWorker) => process.send?.(message);

function stop(): void {
  controller.abort(new Error("stopped"));
  // Leave time for the renderer's finally blocks to delete temporary files.
  setTimeout(() => process.exit(0), 2000).unref();
}

process.on("disconnect", stop);
process.on("SIGTERM", stop);
process.on("message", (message: ToWorker) => {
  if (message.type === "abort") stop();
  else void render(message.tasks);
});

async function render(tasks: Extract<ToWorker, { type: "render" }>["tasks"]): Promise<void> {
  for (const task of tasks) {
    if (controller.signal.aborted) return;
    const streamId = task.input.streamId;
    send({ type: "stream-started", streamId });
    const startedAt = performance.now();
    try {
      const result = await renderStream(task.input, task.outDir, { signal: controller.signal });
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
