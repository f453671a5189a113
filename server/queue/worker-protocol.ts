// Messages between the engine and its render process. Renders run in a child process so
// drawing and encoding never block the HTTP event loop, and a crash takes down one job only.
import type { RenderStreamInput } from "../render/render-stream";

export interface StreamTask {
  input: RenderStreamInput;
  outDir: string;
}

export type ToWorker = { type: "render"; tasks: StreamTask[] } | { type: "abort" };

export type FromWorker =
  | { type: "ready" }
  | { type: "stream-started"; streamId: string }
  /** Sent a few times a second while a stream renders, not once per frame. */
  | { type: "stream-progress"; streamId: string; framesDone: number; framesTotal: number }
  | {
      type: "stream-completed";
      streamId: string;
      frameCount: number;
      durationSeconds: number;
      width: number;
      height: number;
      renderMs: number;
    }
  | { type: "stream-failed"; streamId: string; message: string }
  | { type: "finished" };
