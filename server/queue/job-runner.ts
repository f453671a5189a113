// Runs queued jobs, `workers` at a time, each in its own render process. The store decides
// which job is next (a fair queue across tenants); this decides what happens to a job whose
// render is cancelled, crashes, or is cut short by the engine stopping.
import { type ChildProcess, fork } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { streamDir } from "../artifacts/artifact-files";
import { RENDER_PROCESS_ENV } from "../render/process-env";
import type { JobStore } from "../jobs/job-store";
import type { JobRecord } from "../jobs/job-types";
import { buildTasks } from "./job-inputs";
import type { FromWorker, ToWorker } from "./worker-protocol";

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "render-worker.ts");
/**
 * How long a render process may take to stop ffmpeg and delete its partial files after an
 * abort before it is killed: short, because a cancelled job's slot goes to the next job.
 */
const STOP_GRACE_MS = 1000;

/** The render process ended while it still had work; `exitCause` says how ("SIGKILL"). */
class RenderProcessExit extends Error {
  constructor(readonly exitCause: string) {
    super(`the render process stopped unexpectedly (${exitCause})`);
  }
}

interface Running {
  job: JobRecord;
  child: ChildProcess;
  /** Set by a cancel: the job is no longer this run's to change. */
  cancelled: boolean;
  /** Resolves on a cancel or an engine stop, so the run stops waiting on its process. */
  interrupted: Promise<null>;
  interrupt(): void;
  /** Settles once the process has exited and the job's outcome is stored. */
  done: Promise<void>;
}

export interface JobRunnerOptions {
  store: JobStore;
  dataDir: string;
  workers: number;
  dispatchDelayMs: number;
  /** V8 heap limit of each render process, in MB. */
  renderMemoryMb: number;
  log?: (message: string) => void;
}

export function createJobRunner(options: JobRunnerOptions) {
  const { store, dataDir, workers } = options;
  const log = options.log ?? (() => {});
  const running = new Map<string, Running>();
  let stopping = false;

  function pump(): void {
    while (!stopping && running.size < workers) {
      const job = store.claimNext();
      if (!job) return;
      start(job);
    }
  }

  function start(job: JobRecord): void {
    const child = fork(WORKER, [], {
      // The heap cap (ENGINE_RENDER_MEMORY_MB) bounds what a render holds in JavaScript. A
      // decoded start image lives outside the V8 heap: it is bounded instead by the pixel
      // limits checked at submit (8,000 px a side, 40 megapixels; server/input/images.ts).
      execArgv: ["--import", "tsx", `--max-old-space-size=${options.renderMemoryMb}`],
      env: { ...process.env, ...RENDER_PROCESS_ENV },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // A process group of its own, so a render process that outstays its grace is killed
      // together with its ffmpeg.
      detached: true,
    });
    let interrupt = () => {};
    const entry: Running = {
      job,
      child,
      cancelled: false,
      interrupted: new Promise<null>((resolve) => (interrupt = () => resolve(null))),
      interrupt: () => interrupt(),
      done: Promise.resolve(),
    };
    entry.done = run(entry)
      .then(
        () => null,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      )
      .then((error) => settle(entry, error))
      .catch((error: unknown) => log(`job ${job.id}: ${(error as Error).message}`));
    running.set(job.id, entry);
  }

  /** After a run: its process stopped, unfinished streams' files removed, the outcome stored. */
  async function settle(entry: Running, error: Error | null): Promise<void> {
    const { job, child } = entry;
    const crashed = error !== null && !stopping && !entry.cancelled;
    if (crashed) log(`job ${job.id}: ${error.message}`);
    try {
      await stopRenderProcess(child);
      // A requeued job clears its streams' folders itself when it starts again.
      if (entry.cancelled || crashed) await removeUnfinishedFiles(job.id);
    } catch (cleanup) {
      log(`job ${job.id}: could not clean up after its render: ${(cleanup as Error).message}`);
    }
    // Out of `running` in the same tick as the job goes back to the queue, so a pump can
    // neither claim it while its old process is still stopping nor lose a new run's entry.
    running.delete(job.id);
    if (crashed && error instanceof RenderProcessExit) {
      store.retryAfterCrash(job.id, error.exitCause);
    } else if (crashed) {
      store.moveJob(job.id, "failed", {
        from: ["dispatched", "processing"],
        errorMessage: `The engine could not run this job: ${error.message}`,
      });
    }
    // A job finishing frees a worker: take the next one.
    setImmediate(pump);
  }

  async function removeUnfinishedFiles(jobId: string): Promise<void> {
    const unfinished = store.streamsOf(jobId).filter((s) => s.status !== "completed");
    await Promise.all(
      unfinished.map((s) => rm(streamDir(dataDir, s.id), { recursive: true, force: true })),
    );
  }

  async function run(entry: Running): Promise<void> {
    const { job, child } = entry;
    const messages = messageQueue(child);
    const orInterrupted = <T>(promise: Promise<T>) => Promise.race([promise, entry.interrupted]);
    if ((await orInterrupted(messages.next("ready"))) === null) return;
    if (options.dispatchDelayMs > 0) await orInterrupted(delay(options.dispatchDelayMs));

    // The cancel window of a dispatched job closes here: one cancelled now never starts rendering.
    if (stopping || entry.cancelled) return;
    if (!store.moveJob(job.id, "processing", { from: ["dispatched"] }).ok) return;
    const streams = store.streamsOf(job.id);
    await Promise.all(
      streams.map((s) => rm(streamDir(dataDir, s.id), { recursive: true, force: true })),
    );
    if (stopping || entry.cancelled) return;
    const tasks = buildTasks(dataDir, job.portrait, store.scriptsOf(job.id), streams);
    send(child, { type: "render", tasks });

    const failures: string[] = [];
    for (;;) {
      const message = await orInterrupted(messages.next());
      // Ignore late reports after a cancel or once the engine began stopping: the job is no
      // longer this run's to change (it is cancelled, or goes back to the queue).
      if (message === null || stopping || entry.cancelled) return;
      if (message.type === "stream-started") store.setStreamProcessing(message.streamId);
      // One write per report: the render process sends at most a few a second per stream.
      else if (message.type === "stream-progress") {
        store.setStreamProgress(message.streamId, message.framesDone);
      } else if (message.type === "stream-completed") {
        const { streamId, type: _type, ...result } = message;
        store.completeStream(streamId, result);
      } else if (message.type === "stream-failed") {
        store.failStream(message.streamId, message.message);
        const position = streams.findIndex((s) => s.id === message.streamId) + 1;
        failures.push(`stream ${position}: ${message.message}`);
      } else if (message.type === "finished") break;
    }
    if (failures.length === 0) store.moveJob(job.id, "completed", { from: ["processing"] });
    else {
      store.moveJob(job.id, "failed", {
        from: ["processing"],
        errorMessage: `${failures.length} of ${streams.length} stream(s) failed. ${failures.join("; ")}`,
      });
    }
  }

  return {
    pump,
    /** Jobs in flight; the wait estimate divides the queue among the workers. */
    get workers() {
      return workers;
    },

    /**
     * Stops the render of a job the store has just cancelled, if it has one, and resolves once
     * its process has exited and the files of its unfinished streams are gone. Streams that
     * finished before the cancel keep their recordings: they are whole, and the creator may
     * want them.
     */
    async cancel(jobId: string): Promise<void> {
      const entry = running.get(jobId);
      if (!entry) return;
      entry.cancelled = true;
      entry.interrupt();
      await entry.done;
    },

    /**
     * Stops every render and puts its job back in the queue without counting a try: a
     * clean shutdown is not the job's fault.
     */
    async stop(): Promise<void> {
      stopping = true;
      const entries = [...running.values()];
      for (const entry of entries) entry.interrupt();
      await Promise.all(entries.map((entry) => entry.done));
      for (const entry of entries) {
        store.moveJob(entry.job.id, "pending", { from: ["dispatched", "processing"] });
      }
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

function send(child: ChildProcess, message: ToWorker): void {
  if (child.connected) child.send(message);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
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
