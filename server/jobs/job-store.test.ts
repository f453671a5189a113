// The job state machine, the queue's order and its recovery rules, on an in-memory database
// with a clock that moves only when told; the schema's migrations on a real file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { JOB_STATUSES, type JobStatus } from "../../src/contract/job-status";
import { databaseFileIn, type Db, openDatabase, SCHEMA_VERSION } from "../db/database";
import { manualClock } from "../test/in-process-engine";
import { createJobStore, type JobStore } from "./job-store";
import { MAX_INTERRUPTED_STARTS } from "./job-types";

const opened: { db: Db; dataDir: string | null }[] = [];
afterEach(() => {
  for (const { db, dataDir } of opened.splice(0)) {
    if (db.open) db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A store on a fresh in-memory database, and the clock it stamps times with. */
function openStore() {
  const clock = manualClock();
  const db = openDatabase(":memory:");
  opened.push({ db, dataDir: null });
  return { db, clock, store: createJobStore(db, clock.now) };
}

/** A store on engine.sqlite3 in `dataDir`, as the engine opens it. */
function openFileStore(dataDir = mkdtempSync(path.join(tmpdir(), "simulate-store-test-"))) {
  const db = openDatabase(databaseFileIn(dataDir));
  opened.push({ db, dataDir });
  return { db, dataDir, store: createJobStore(db) };
}

const script = [
  { timestamp_ms: 0, start: { prompt: "a harbour" } },
  { timestamp_ms: 1000, end: {} },
];

function queue(store: JobStore, tenant: string, mediaMs = 1000): string {
  return store.createJob({
    tenant,
    portrait: true,
    bypassVlm: false,
    scripts: [script],
    streams: [{ scriptIndex: 0, plannedMs: mediaMs }],
  }).id;
}

/** Claims and finishes jobs one at a time, as a single worker does, and names their owners. */
function drain(store: JobStore, names: Map<string, string>): string[] {
  const order: string[] = [];
  for (let job = store.claimNext(); job; job = store.claimNext()) {
    order.push(names.get(job.id) ?? job.id);
    store.moveJob(job.id, "processing");
    store.moveJob(job.id, "completed");
  }
  return order;
}

/** Every move a job may make, written out rather than read from JOB_TRANSITIONS. */
const ALLOWED_MOVES = [
  "pending -> dispatched",
  "pending -> cancelled",
  "pending -> failed",
  "dispatched -> processing",
  "dispatched -> pending",
  "dispatched -> cancelled",
  "dispatched -> failed",
  "processing -> completed",
  "processing -> pending",
  "processing -> cancelled",
  "processing -> failed",
];

/** A new job brought to `status` by the moves the engine makes. */
function jobIn(store: JobStore, status: JobStatus): string {
  const id = queue(store, `tenant-${status}`);
  const path: Record<JobStatus, JobStatus[]> = {
    pending: [],
    dispatched: ["dispatched"],
    processing: ["dispatched", "processing"],
    completed: ["dispatched", "processing", "completed"],
    failed: ["failed"],
    cancelled: ["cancelled"],
  };
  for (const step of path[status]) expect(store.moveJob(id, step).ok).toBe(true);
  expect(store.getJob(id)?.status).toBe(status);
  return id;
}

describe("the state machine", () => {
  it("makes exactly the allowed moves, and refuses every other one leaving the job as it was", () => {
    const { store, clock } = openStore();
    const made: string[] = [];
    for (const from of JOB_STATUSES) {
      for (const to of JOB_STATUSES) {
        const id = jobIn(store, from);
        const before = store.getJob(id);
        clock.advance(1000);
        const moved = store.moveJob(id, to);
        if (moved.ok) {
          made.push(`${from} -> ${to}`);
          expect(moved.job.status).toBe(to);
          expect(store.getJob(id)?.status).toBe(to);
        } else {
          expect(moved.current).toEqual(before);
          expect(store.getJob(id)).toEqual(before);
        }
      }
    }
    expect(made.sort()).toEqual([...ALLOWED_MOVES].sort());
  });

  it("refuses a move from a state the caller did not name, and a move of an unknown job", () => {
    const { store } = openStore();
    const id = jobIn(store, "dispatched");
    const refused = store.moveJob(id, "cancelled", { from: ["pending"] });
    expect(refused).toMatchObject({ ok: false, current: { id, status: "dispatched" } });
    expect(store.getJob(id)?.status).toBe("dispatched");
    expect(store.moveJob("no-such-job", "cancelled")).toEqual({ ok: false, current: undefined });
  });

  it("stamps each state's time, and each stream's, from the store's clock", () => {
    const { store, clock } = openStore();
    const at = () => new Date(clock.now()).toISOString();
    const created = at();
    const job = store.createJob({
      tenant: "tenant-a",
      portrait: true,
      bypassVlm: false,
      scripts: [script],
      streams: [
        { scriptIndex: 0, plannedMs: 1000 },
        { scriptIndex: 0, plannedMs: 1000 },
      ],
    });
    expect(job).toMatchObject({ status: "pending", createdAt: created, dispatchedAt: null });

    clock.advance(60_000);
    const dispatched = at();
    expect(store.claimNext()).toMatchObject({ id: job.id, dispatchedAt: dispatched });
    clock.advance(60_000);
    const started = at();
    expect(store.moveJob(job.id, "processing")).toMatchObject({
      ok: true,
      job: { createdAt: created, dispatchedAt: dispatched, startedAt: started },
    });

    const [first, second] = store.streamsOf(job.id).map((s) => s.id);
    clock.advance(1000);
    const firstStarted = at();
    store.setStreamProcessing(first ?? "");
    clock.advance(1000);
    const firstEnded = at();
    store.completeStream(first ?? "", {
      frameCount: 25,
      durationSeconds: 1,
      width: 704,
      height: 1280,
      renderMs: 900,
    });
    clock.advance(1000);
    store.setStreamProcessing(second ?? "");
    clock.advance(1000);
    const secondEnded = at();
    store.failStream(second ?? "", "the start image could not be decoded");
    expect(store.streamsOf(job.id)).toMatchObject([
      { status: "completed", startedAt: firstStarted, endedAt: firstEnded },
      { status: "failed", endedAt: secondEnded },
    ]);

    clock.advance(60_000);
    const finished = at();
    const failed = store.moveJob(job.id, "failed", { errorMessage: "1 of 2 stream(s) failed." });
    expect(failed.ok && failed.job).toEqual(
      expect.objectContaining({
        status: "failed",
        createdAt: created,
        dispatchedAt: dispatched,
        startedAt: started,
        completedAt: finished,
        errorMessage: "1 of 2 stream(s) failed.",
      }),
    );
  });

  it("clears a requeued job's times and its streams' results, and stamps them anew", () => {
    const { store, clock } = openStore();
    const id = queue(store, "tenant-a");
    store.claimNext();
    store.moveJob(id, "processing");
    const [stream] = store.streamsOf(id);
    store.setStreamProcessing(stream?.id ?? "");
    store.completeStream(stream?.id ?? "", {
      frameCount: 25,
      durationSeconds: 1,
      width: 704,
      height: 1280,
      renderMs: 900,
    });
    expect(store.moveJob(id, "pending").ok).toBe(true);
    expect(store.getJob(id)).toMatchObject({
      status: "pending",
      dispatchedAt: null,
      startedAt: null,
      completedAt: null,
    });
    expect(store.streamsOf(id)[0]).toMatchObject({
      status: "pending",
      frameCount: null,
      durationSeconds: null,
      width: null,
      height: null,
      startedAt: null,
      endedAt: null,
    });
    clock.advance(5000);
    const at = new Date(clock.now()).toISOString();
    expect(store.claimNext()).toMatchObject({ id, dispatchedAt: at });
    expect(store.moveJob(id, "processing")).toMatchObject({ ok: true, job: { startedAt: at } });
    // Cancelled after going back to the queue, it shows no times of the run it lost.
    store.moveJob(id, "pending");
    expect(store.moveJob(id, "cancelled")).toMatchObject({
      ok: true,
      job: { dispatchedAt: null, startedAt: null, completedAt: at },
    });
  });
});

describe("the fair queue", () => {
  it("gives another tenant's single job the next turn, not the last", () => {
    const { store } = openStore();
    const names = new Map<string, string>();
    for (let i = 1; i <= 5; i++) names.set(queue(store, "tenant-a"), `a${i}`);
    names.set(queue(store, "tenant-b"), "b1");
    expect(drain(store, names)).toEqual(["a1", "b1", "a2", "a3", "a4", "a5"]);
  });

  it("takes turns round-robin, oldest first within each tenant", () => {
    const { store } = openStore();
    const names = new Map<string, string>();
    for (let i = 1; i <= 3; i++) names.set(queue(store, "tenant-a"), `a${i}`);
    const first = store.claimNext();
    expect(names.get(first?.id ?? "")).toBe("a1");
    // Arriving while a's first job runs: c has been served never, so before a again.
    for (let i = 1; i <= 2; i++) names.set(queue(store, "tenant-c"), `c${i}`);
    names.set(queue(store, "tenant-b"), "b1");
    expect(drain(store, names)).toEqual(["c1", "b1", "a2", "c2", "a3"]);
  });

  it("estimates the wait of a job from the turns ahead of it, not from everything older", () => {
    const { store } = openStore();
    const a = [1, 2, 3, 4, 5].map(() => queue(store, "tenant-a", 60_000));
    const running = store.claimNext();
    expect(running?.id).toBe(a[0]);
    const b = store.createJob({
      tenant: "tenant-b",
      portrait: true,
      bypassVlm: false,
      scripts: [script],
      streams: [{ scriptIndex: 0, plannedMs: 10_000 }],
    });
    // Ahead of b: a's running job, a's next (its first turn counts as b's rival) and b itself.
    expect(store.mediaMsAhead(b.seq)).toBe(60_000 + 60_000 + 10_000);
    // a's fifth job waits for four turns of a's and b's single one.
    expect(store.mediaMsAhead(store.getJob(a[4] as string)?.seq ?? 0)).toBe(5 * 60_000 + 10_000);
  });
});

describe("recovery", () => {
  it("requeues a job an engine start finds running without counting a try, up to a last guard", () => {
    const { store } = openStore();
    const id = queue(store, "tenant-a");
    for (let start = 1; start < MAX_INTERRUPTED_STARTS; start++) {
      expect(store.claimNext()?.id).toBe(id);
      store.moveJob(id, "processing");
      expect(store.recoverInterrupted()).toEqual({ requeued: [id], failed: [] });
      expect(store.getJob(id)).toMatchObject({ status: "pending", retryCount: 0 });
    }
    store.claimNext();
    store.moveJob(id, "processing");
    expect(store.recoverInterrupted()).toEqual({ requeued: [], failed: [id] });
    expect(store.getJob(id)).toMatchObject({
      status: "failed",
      retryCount: 0,
      errorMessage: `The engine was stopped ${MAX_INTERRUPTED_STARTS} times while running this job, so it was given up.`,
    });
    expect(store.streamsOf(id)[0]).toMatchObject({ status: "failed" });
  });

  it("requeues dispatched and processing jobs in queue order and leaves every other job alone", () => {
    const { store } = openStore();
    const states: JobStatus[] = ["processing", "pending", "completed", "dispatched", "cancelled"];
    const ids = Object.fromEntries(states.map((status) => [status, jobIn(store, status)]));
    const failed = jobIn(store, "failed");
    expect(store.recoverInterrupted()).toEqual({
      requeued: [ids.processing, ids.dispatched],
      failed: [],
    });
    expect(store.getJob(ids.processing ?? "")?.status).toBe("pending");
    expect(store.getJob(ids.dispatched ?? "")?.status).toBe("pending");
    expect(store.getJob(ids.pending ?? "")?.status).toBe("pending");
    expect(store.getJob(ids.completed ?? "")?.status).toBe("completed");
    expect(store.getJob(ids.cancelled ?? "")?.status).toBe("cancelled");
    expect(store.getJob(failed)?.status).toBe("failed");
    // Nothing is left running, so a second start finds nothing to recover.
    expect(store.recoverInterrupted()).toEqual({ requeued: [], failed: [] });
  });

  it("counts a render process's crash as a try, and fails the job on the third with its cause", () => {
    const { store, clock } = openStore();
    const id = queue(store, "tenant-a");
    for (let crash = 1; crash <= 2; crash++) {
      store.claimNext();
      store.moveJob(id, "processing");
      expect(store.retryAfterCrash(id, "SIGKILL").ok).toBe(true);
      expect(store.getJob(id)).toMatchObject({ status: "pending", retryCount: crash });
    }
    store.claimNext();
    store.moveJob(id, "processing");
    store.retryAfterCrash(id, "SIGSEGV");
    expect(store.getJob(id)).toMatchObject({
      status: "failed",
      retryCount: 3,
      errorMessage:
        "The render process stopped unexpectedly (SIGSEGV) 3 times while rendering this job.",
    });
    expect(store.streamsOf(id)[0]).toMatchObject({
      status: "failed",
      endedAt: new Date(clock.now()).toISOString(),
      errorMessage: "the render process stopped unexpectedly (SIGSEGV)",
    });
    // A crash reported for a job that is no longer running changes nothing.
    expect(store.retryAfterCrash(id, "SIGKILL").ok).toBe(false);
  });

  it("cancels a processing job, keeping when it started and the streams that finished", () => {
    const { store } = openStore();
    const job = store.createJob({
      tenant: "tenant-a",
      portrait: true,
      bypassVlm: false,
      scripts: [[...script.slice(0, 1), { timestamp_ms: 1000, end: {} }]],
      streams: [
        { scriptIndex: 0, plannedMs: 1000 },
        { scriptIndex: 0, plannedMs: 1000 },
      ],
    });
    store.claimNext();
    store.moveJob(job.id, "processing");
    const [done, rendering] = store.streamsOf(job.id);
    store.setStreamProcessing(done?.id ?? "");
    store.completeStream(done?.id ?? "", {
      frameCount: 25,
      durationSeconds: 1,
      width: 704,
      height: 1280,
      renderMs: 500,
    });
    store.setStreamProcessing(rendering?.id ?? "");
    const moved = store.moveJob(job.id, "cancelled", { from: ["processing"] });
    expect(moved.ok && moved.job).toMatchObject({
      status: "cancelled",
      startedAt: expect.any(String),
    });
    expect(store.streamsOf(job.id).map((s) => s.status)).toEqual(["completed", "cancelled"]);
  });
});

describe("the schema", () => {
  it("makes a new file at the current version, and reopens it with its jobs as they were", () => {
    const first = openFileStore();
    expect(first.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const id = queue(first.store, "tenant-a");
    first.db.close();

    const again = openDatabase(databaseFileIn(first.dataDir));
    opened.push({ db: again, dataDir: null });
    expect(again.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(createJobStore(again).claimNext()?.id).toBe(id);
  });

  it("keeps an in-memory database apart from every other one", () => {
    const one = openStore();
    queue(one.store, "tenant-a");
    const other = openStore();
    expect(other.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(other.store.claimNext()).toBeUndefined();
    expect(one.store.claimNext()).toBeDefined();
  });

  it("upgrades a database file made by version 1, keeping its queue", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-store-test-"));
    const old = new Database(path.join(dataDir, "engine.sqlite3"));
    old.exec(VERSION_1_SCHEMA);
    old.pragma("user_version = 1");
    old
      .prepare(
        `INSERT INTO jobs (id, tenant, status, portrait, scripts_json, media_ms, created_at)
         VALUES ('old-job', 'tenant-a', 'pending', 1, ?, 1000, '2025-01-01T00:00:00.000Z')`,
      )
      .run(JSON.stringify([script]));
    old.close();

    const { db, store } = openFileStore(dataDir);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.claimNext()?.id).toBe("old-job");
    store.moveJob("old-job", "processing");
    expect(store.recoverInterrupted().requeued).toEqual(["old-job"]);
  });
});

/** The schema as version 1 of the engine shipped it, the first migration, frozen. */
const VERSION_1_SCHEMA = `
  CREATE TABLE jobs (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    tenant         TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN
                     ('pending','dispatched','processing','completed','failed','cancelled')),
    priority       INTEGER NOT NULL DEFAULT 0,
    portrait       INTEGER NOT NULL,
    bypass_vlm     INTEGER NOT NULL DEFAULT 0,
    scripts_json   TEXT NOT NULL,
    media_ms       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    dispatched_at  TEXT,
    started_at     TEXT,
    completed_at   TEXT,
    error_message  TEXT,
    retry_count    INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX jobs_queue ON jobs (status, seq);
  CREATE INDEX jobs_tenant ON jobs (tenant, seq);
  CREATE TABLE streams (
    id               TEXT PRIMARY KEY,
    job_id           TEXT NOT NULL REFERENCES jobs(id),
    tenant           TEXT NOT NULL,
    position         INTEGER NOT NULL,
    script_index     INTEGER NOT NULL,
    status           TEXT NOT NULL,
    planned_ms       INTEGER NOT NULL,
    frame_count      INTEGER,
    duration_seconds REAL,
    width            INTEGER,
    height           INTEGER,
    started_at       TEXT,
    ended_at         TEXT,
    render_ms        INTEGER,
    error_message    TEXT,
    UNIQUE (job_id, position)
  );
  CREATE INDEX streams_tenant_done ON streams (tenant, status, ended_at);
  CREATE TABLE tokens (
    token_hash  TEXT PRIMARY KEY,
    tenant      TEXT NOT NULL,
    privileged  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
  );
`;
