// Runs queued jobs, `workers` at a time, each in a render process of the pool. The store
// decides which job is next (a fair queue across tenants); this decides what happens to a job
// whose render is cancelled, crashes, or is cut short by the engine stopping.
import { rm } from "node:fs/promises";
import { streamDir } from "../artifacts/artifact-files";
import type { JobStore } from "../jobs/job-store";
import type { JobRecord } from "../jobs/job-types";
import { buildTasks } from "./job-inputs";
import { createRenderPool, type RenderProcess, RenderProcessExit } from "./render-pool";

interface Running {
  job: JobRecord;
  renderer: RenderProcess;
  /**
   * Set once the process is known to be idle again (it reported `finished`, or never got the
   * job's render): only then does it go back to the pool rather than being replaced.
   */
  reusable: boolean;
  /** Set by a cancel: the job is no longer this run's to change. */
  cancelled: boolean;
  /** Resolves on a cancel or an engine stop, so the run stops waiting on its process. */
  interrupted: Promise<null>;
  interrupt(): void;
  /** Settles once its process is back in the pool or replaced, and the job's outcome is stored. */
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
  const pool = createRenderPool({ size: workers, renderMemoryMb: options.renderMemoryMb, log });
  let stopping = false;

  function pump(): void {
    if (!stopping) pool.fill();
    while (!stopping && running.size < workers) {
      const job = store.claimNext();
      if (!job) return;
      start(job);
    }
  }

  function start(job: JobRecord): void {
    let interrupt = () => {};
    const entry: Running = {
      job,
      renderer: pool.acquire(),
      reusable: false,
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

  /**
   * After a run: its process back in the pool, or stopped and replaced; unfinished streams'
   * files removed; the outcome stored.
   */
  async function settle(entry: Running, error: Error | null): Promise<void> {
    const { job } = entry;
    const crashed = error !== null && !stopping && !entry.cancelled;
    if (crashed) log(`job ${job.id}: ${error.message}`);
    try {
      if (entry.reusable && error === null) await pool.release(entry.renderer);
      else await pool.discard(entry.renderer);
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
    const { job, renderer } = entry;
    const orInterrupted = <T>(promise: Promise<T>) => Promise.race([promise, entry.interrupted]);
    if ((await orInterrupted(renderer.ready)) === null) return;
    // Until the render is sent, the process has nothing of this job's to undo.
    entry.reusable = true;
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
    entry.reusable = false;
    renderer.send({ type: "render", tasks });

    const failures: string[] = [];
    for (;;) {
      const message = await orInterrupted(renderer.next());
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
      } else if (message.type === "finished") {
        entry.reusable = true;
        break;
      }
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
     * Stops the render of a job the store has just cancelled, if it has one (its process is
     * killed and replaced), and resolves once the files of its unfinished streams are gone. Streams that
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
      const idleStopped = pool.close();
      const entries = [...running.values()];
      for (const entry of entries) entry.interrupt();
      await Promise.all([idleStopped, ...entries.map((entry) => entry.done)]);
      for (const entry of entries) {
        store.moveJob(entry.job.id, "pending", { from: ["dispatched", "processing"] });
      }
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
