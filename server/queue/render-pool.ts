// Render processes kept warm between jobs: starting Node, loading the renderer and its native
// canvas costs far more than a short job's first frame, so each process serves job after job.
// A process that crashed, or whose render was stopped, is killed and replaced by a fresh one.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RENDER_PROCESS_ENV } from "../render/process-env";
import type { FromWorker, ToWorker } from "./worker-protocol";

const here = fileURLToPath(import.meta.url);
// Compiled, this module is part of build/server/main.js and the worker is plain JavaScript
// beside it; run from source (tests, `npm run dev`), the worker is TypeScript run through tsx.
const COMPILED = here.endsWith(".js");
const WORKER = path.join(path.dirname(here), COMPILED ? "render-worker.js" : "render-worker.ts");
const LOADER = COMPILED ? [] : ["--import", "tsx"];

/**
 * How long a render process may take to stop ffmpeg and delete its partial files after an
 * abort before it is killed: short, because a cancelled job's slot goes to the next job.
 */
const STOP_GRACE_MS = 1000;

/** The render process ended while it still had work; `exitCause` says how ("SIGKILL"). */
export class RenderProcessExit extends Error {
  constructor(readonly exitCause: string) {
    super(`the render process stopped unexpectedly (${exitCause})`);
  }
}

export interface RenderProcess {
  readonly pid: number | undefined;
  /** Resolves once the process can take a job; rejects if it ends first. */
  readonly ready: Promise<void>;
  /** The next message (of `type`, skipping others); rejects once the process has ended. */
  next(type?: FromWorker["type"]): Promise<FromWorker>;
  send(message: ToWorker): void;
}

interface PooledProcess extends RenderProcess {
  child: ChildProcess;
}

export interface RenderPoolOptions {
  size: number;
  /** V8 heap limit of each render process, in MB. */
  renderMemoryMb: number;
  log: (message: string) => void;
}

export function createRenderPool(options: RenderPoolOptions) {
  const idle: PooledProcess[] = [];
  const all = new Set<PooledProcess>();
  let closed = false;

  function spawnProcess(): PooledProcess {
    const child = fork(WORKER, [], {
      // The heap cap (ENGINE_RENDER_MEMORY_MB) bounds what a render holds in JavaScript. A
      // decoded start image lives outside the V8 heap: it is bounded instead by the pixel
      // limits checked at submit (8,000 px a side, 40 megapixels; server/input/images.ts).
      execArgv: [...LOADER, `--max-old-space-size=${options.renderMemoryMb}`],
      env: { ...process.env, ...RENDER_PROCESS_ENV },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // A process group of its own, so a render process that outstays its grace is killed
      // together with its ffmpeg.
      detached: true,
    });
    const messages = messageQueue(child);
    const ready = messages.next("ready").then(() => undefined);
    // Read by whoever takes the process; a process that dies idle is replaced below.
    ready.catch(() => {});
    const pooled: PooledProcess = {
      child,
      pid: child.pid,
      ready,
      next: messages.next,
      send: (message) => send(child, message),
    };
    all.add(pooled);
    child.once("exit", (code, signal) => {
      const at = idle.indexOf(pooled);
      if (at === -1) return;
      // Died while waiting for work: no job's fault, but the pool must stay full.
      idle.splice(at, 1);
      all.delete(pooled);
      options.log(
        `an idle render process stopped (${signal ?? `exit code ${code}`}); replacing it`,
      );
      killGroup(child);
      fill();
    });
    return pooled;
  }

  /** Starts processes until the pool holds `size`, so the next jobs find one warm. */
  function fill(): void {
    while (!closed && all.size < options.size) idle.push(spawnProcess());
  }

  /**
   * Stops a process (a crash, a cancelled or interrupted render: what it was doing is not
   * to be trusted) and starts a fresh one in its place.
   */
  async function discard(process: RenderProcess): Promise<void> {
    const pooled = process as PooledProcess;
    try {
      await stopRenderProcess(pooled.child);
    } finally {
      all.delete(pooled);
      fill();
    }
  }

  return {
    fill,
    discard,

    /** A process for one job: a warm one if any is idle. The caller gives it back or discards it. */
    acquire(): RenderProcess {
      return idle.shift() ?? spawnProcess();
    },

    /** Takes back a process whose job ended cleanly (it reported `finished`, or never rendered). */
    release(process: RenderProcess): Promise<void> {
      const pooled = process as PooledProcess;
      if (closed || hasExited(pooled.child)) return discard(process);
      idle.push(pooled);
      return Promise.resolve();
    },

    /**
     * Stops the idle processes and lets no new one start: those still rendering stop as their
     * runs end (release and discard stop them once the pool is closed).
     */
    async close(): Promise<void> {
      closed = true;
      await Promise.all(idle.splice(0).map(discard));
    },
  };
}

export type RenderPool = ReturnType<typeof createRenderPool>;

function send(child: ChildProcess, message: ToWorker): void {
  if (child.connected) child.send(message);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exitOf(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Asks a render process to stop (it stops ffmpeg and deletes its partial files) and kills it
 * if it has not exited within the grace period. Then kills what is left of its process group:
 * the ffmpeg of a render process that was killed would otherwise finish on its own and could
 * write into the folder of the job's next try.
 */
async function stopRenderProcess(child: ChildProcess): Promise<void> {
  // A process that never started has nothing to stop and never reports an exit.
  if (child.pid === undefined) return;
  const exited = exitOf(child);
  if (!hasExited(child)) {
    send(child, { type: "abort" });
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STOP_GRACE_MS))),
    ]);
    clearTimeout(timer);
    if (!inTime) child.kill("SIGKILL");
  }
  killGroup(child);
  await exited;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // ESRCH: the group is empty, as it is after a clean exit.
  }
}

/** Reads a child's messages in order; a child that exits early rejects the next read. */
function messageQueue(child: ChildProcess) {
  const buffered: FromWorker[] = [];
  let waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  let ended: Error | null = null;
  child.on("message", (message: FromWorker) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w.resolve(message);
    } else buffered.push(message);
  });
  child.on("exit", (code, signal) => {
    ended = new RenderProcessExit(signal ?? `exit code ${code}`);
    waiting?.reject(ended);
    waiting = null;
  });
  child.on("error", (error) => {
    ended = error;
    waiting?.reject(error);
    waiting = null;
  });
  return {
    async next(type?: FromWorker["type"]): Promise<FromWorker> {
      for (;;) {
        const message =
          buffered.shift() ??
          (await new Promise<FromWorker>((resolve, reject) => {
            if (ended) reject(ended);
            else waiting = { resolve, reject };
          }));
        if (!type || message.type === type) return message;
      }
    },
  };
}
