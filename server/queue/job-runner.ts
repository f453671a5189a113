// Runs queued jobs, oldest first, `workers` at a time, each in its own render process.
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
/** How long a render process may take to clean up after an abort before it is killed. */
const STOP_GRACE_MS = 3000;

interface Running {
  job: JobRecord;
  child: ChildProcess;
  done: Promise<void>;
}

export interface JobRunnerOptions {
  store: JobStore;
  dataDir: string;
  workers: number;
  dispatchDelayMs: number;
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
      execArgv: ["--import", "tsx"],
      env: { ...process.env, ...RENDER_PROCESS_ENV },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const done = run(job, child)
      .catch((error: unknown) => {
        log(`job ${job.id}: ${(error as Error).message}`);
        if (!stopping) {
          store.moveJob(job.id, "failed", {
            errorMessage: `The engine could not run this job: ${(error as Error).message}`,
          });
        }
      })
      .finally(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        running.delete(job.id);
        // A job finishing frees a worker: take the next one.
        setImmediate(pump);
      });
    running.set(job.id, { job, child, done });
  }

  async function run(job: JobRecord, child: ChildProcess): Promise<void> {
    const messages = messageQueue(child);
    await messages.next("ready");
    if (options.dispatchDelayMs > 0) await delay(options.dispatchDelayMs);

    // The cancel window closes here: a job cancelled while dispatched never starts rendering.
    if (stopping || !store.moveJob(job.id, "processing", { from: ["dispatched"] }).ok) {
      send(child, { type: "abort" });
      return;
    }
    const streams = store.streamsOf(job.id);
    await Promise.all(
      streams.map((s) => rm(streamDir(dataDir, s.id), { recursive: true, force: true })),
    );
    const tasks = buildTasks(dataDir, job.portrait, store.scriptsOf(job.id), streams);
    send(child, { type: "render", tasks });

    const failures: string[] = [];
    for (;;) {
      const message = await messages.next();
      // Ignore late reports after the engine began stopping: the job goes back to the queue.
      if (stopping) return;
      if (message.type === "stream-started") store.setStreamProcessing(message.streamId);
      else if (message.type === "stream-completed") {
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

    /** Stops render processes at once if the job is theirs (a cancel after dispatch). */
    abort(jobId: string): void {
      const entry = running.get(jobId);
      if (entry) send(entry.child, { type: "abort" });
    },

    /**
     * Stops every render and puts its job back in the queue without counting a try: a
     * clean shutdown is not the job's fault.
     */
    async stop(): Promise<void> {
      stopping = true;
      const entries = [...running.values()];
      for (const entry of entries) send(entry.child, { type: "abort" });
      await Promise.race([
        Promise.all(entries.map((entry) => exitOf(entry.child))),
        delay(STOP_GRACE_MS),
      ]);
      for (const entry of entries) {
        if (entry.child.exitCode === null) entry.child.kill("SIGKILL");
        store.moveJob(entry.job.id, "pending", { from: ["dispatched", "processing"] });
      }
      await Promise.all(entries.map((entry) => entry.done));
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

function send(child: ChildProcess, message: ToWorker): void {
  if (child.connected) child.send(message);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
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
    ended = new Error(`the render process stopped unexpectedly (${signal ?? `exit code ${code}`})`);
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
