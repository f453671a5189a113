// Every read and write of jobs and streams. State moves go through `moveJob`, one
// transaction each, so the state machine lives in one place.
import { randomUUID } from "node:crypto";
import type { JobStatus } from "../../src/contract/job-status";
import type { ScriptEntry } from "../../src/contract/script";
import type { Db } from "../db/database";
import { FRAME_MS } from "../render/timing";
import {
  JOB_TRANSITIONS,
  MAX_INTERRUPTED_STARTS,
  MAX_TRIES,
  type JobRecord,
  type NewJob,
  STAMPED_FIELD,
  type StreamRecord,
  type StreamStatus,
} from "./job-types";

interface JobRow {
  seq: number;
  id: string;
  tenant: string;
  status: JobStatus;
  priority: number;
  portrait: number;
  bypass_vlm: number;
  media_ms: number;
  created_at: string;
  dispatched_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  error_message: string | null;
  retry_count: number;
}

interface StreamRow {
  id: string;
  job_id: string;
  tenant: string;
  position: number;
  script_index: number;
  status: StreamStatus;
  planned_ms: number;
  frames_done: number;
  frame_count: number | null;
  duration_seconds: number | null;
  width: number | null;
  height: number | null;
  started_at: string | null;
  ended_at: string | null;
  error_message: string | null;
}

const JOB_COLUMNS = `seq, id, tenant, status, priority, portrait, bypass_vlm, media_ms, created_at,
  dispatched_at, started_at, completed_at, error_message, retry_count`;

function toJob(row: JobRow): JobRecord {
  const fields = {
    seq: row.seq,
    id: row.id,
    tenant: row.tenant,
    priority: row.priority,
    portrait: row.portrait === 1,
    bypassVlm: row.bypass_vlm === 1,
    mediaMs: row.media_ms,
    createdAt: row.created_at,
    retryCount: row.retry_count,
  };
  // moveJob stamps each field on entering its state, so a missing one is a broken database,
  // not a state to render.
  const stamped = (value: string | null, name: string): string => {
    if (value === null) throw new Error(`job ${row.id} is ${row.status} but has no ${name}`);
    return value;
  };
  const { dispatched_at: dispatchedAt, started_at: startedAt } = row;
  switch (row.status) {
    case "pending":
      return {
        ...fields,
        status: "pending",
        dispatchedAt: null,
        startedAt: null,
        completedAt: null,
        errorMessage: null,
      };
    case "dispatched":
      return {
        ...fields,
        status: "dispatched",
        dispatchedAt: stamped(dispatchedAt, "dispatched_at"),
        startedAt: null,
        completedAt: null,
        errorMessage: null,
      };
    case "processing":
      return {
        ...fields,
        status: "processing",
        dispatchedAt: stamped(dispatchedAt, "dispatched_at"),
        startedAt: stamped(startedAt, "started_at"),
        completedAt: null,
        errorMessage: null,
      };
    case "completed":
      return {
        ...fields,
        status: "completed",
        dispatchedAt: stamped(dispatchedAt, "dispatched_at"),
        startedAt: stamped(startedAt, "started_at"),
        completedAt: stamped(row.completed_at, "completed_at"),
        errorMessage: null,
      };
    case "failed":
      return {
        ...fields,
        status: "failed",
        dispatchedAt,
        startedAt,
        completedAt: stamped(row.completed_at, "completed_at"),
        errorMessage: row.error_message ?? "The job failed without a reason.",
      };
    case "cancelled":
      return {
        ...fields,
        status: "cancelled",
        dispatchedAt,
        startedAt,
        completedAt: stamped(row.completed_at, "completed_at"),
        errorMessage: null,
      };
  }
}

function toStream(row: StreamRow): StreamRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    tenant: row.tenant,
    position: row.position,
    scriptIndex: row.script_index,
    status: row.status,
    plannedMs: row.planned_ms,
    framesDone: row.frames_done,
    frameCount: row.frame_count,
    durationSeconds: row.duration_seconds,
    width: row.width,
    height: row.height,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    errorMessage: row.error_message,
  };
}

/** A stream's frames as the renderer counts them (server/render/timing.ts), in SQL. */
const FRAMES_TOTAL_SQL = `MAX(CAST(ROUND(planned_ms * 1.0 / ${FRAME_MS}) AS INTEGER), 1)`;

export interface ProgressCounts {
  streamsDone: number;
  streamsTotal: number;
  framesDone: number;
  framesTotal: number;
}

export type MoveResult =
  { ok: true; job: JobRecord } | { ok: false; current: JobRecord | undefined };

export interface StreamResult {
  frameCount: number;
  durationSeconds: number;
  width: number;
  height: number;
  renderMs: number;
}

/** `now` is the clock every stamped time (created, dispatched, started, ended) is read from. */
export function createJobStore(db: Db, now: () => number = Date.now) {
  const nowIso = (): string => new Date(now()).toISOString();
  const selectJob = db.prepare<[string], JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`);
  const selectStreams = db.prepare<[string], StreamRow>(
    "SELECT * FROM streams WHERE job_id = ? ORDER BY position",
  );
  const updateProgress = db.prepare<[number, string]>(
    "UPDATE streams SET frames_done = ? WHERE id = ? AND status = 'processing'",
  );

  function getJob(id: string): JobRecord | undefined {
    const row = selectJob.get(id);
    return row ? toJob(row) : undefined;
  }

  /**
   * The fair queue's next job: among tenants with pending jobs, the one served least recently
   * (never served counts as longest ago, ties by oldest job), then that tenant's oldest job.
   */
  const selectNextJob = db.prepare<[], { id: string; tenant: string }>(
    `SELECT heads.id, heads.tenant
     FROM (SELECT tenant, MIN(seq) AS seq FROM jobs WHERE status = 'pending' GROUP BY tenant) AS oldest
     JOIN jobs AS heads ON heads.seq = oldest.seq
     LEFT JOIN tenant_turns AS turns ON turns.tenant = oldest.tenant
     ORDER BY COALESCE(turns.last_turn, 0), oldest.seq
     LIMIT 1`,
  );
  const takeTurn = db.prepare<{ tenant: string }>(
    `INSERT INTO tenant_turns (tenant, last_turn)
     VALUES (@tenant, (SELECT COALESCE(MAX(last_turn), 0) + 1 FROM tenant_turns))
     ON CONFLICT (tenant) DO UPDATE SET last_turn = excluded.last_turn`,
  );

  function failUnfinishedStreams(jobId: string, message: string): void {
    db.prepare(
      `UPDATE streams SET status = 'failed', ended_at = ?, error_message = ?
       WHERE job_id = ? AND status IN ('pending','processing')`,
    ).run(nowIso(), message, jobId);
  }

  /**
   * The one way a job changes state: checks the move is allowed from the state it is in now,
   * stamps the state's time field, and applies `extra` columns, in one transaction.
   */
  const moveJob = db.transaction(
    (
      id: string,
      to: JobStatus,
      options: { from?: readonly JobStatus[]; errorMessage?: string; retry?: boolean } = {},
    ): MoveResult => {
      const current = getJob(id);
      if (!current) return { ok: false, current };
      const allowedFrom = options.from ?? (Object.keys(JOB_TRANSITIONS) as JobStatus[]);
      if (!allowedFrom.includes(current.status) || !JOB_TRANSITIONS[current.status].includes(to)) {
        return { ok: false, current };
      }
      const stamp = STAMPED_FIELD[to];
      const sets = ["status = @to"];
      if (stamp) sets.push(`${stamp} = @now`);
      if (to === "pending") sets.push("dispatched_at = NULL", "started_at = NULL");
      if (options.retry) sets.push("retry_count = retry_count + 1");
      if (options.errorMessage !== undefined) sets.push("error_message = @error");
      db.prepare(`UPDATE jobs SET ${sets.join(", ")} WHERE id = @id`).run({
        id,
        to,
        now: nowIso(),
        error: options.errorMessage ?? null,
      });
      if (to === "cancelled") {
        db.prepare(
          "UPDATE streams SET status = 'cancelled' WHERE job_id = ? AND status IN ('pending','processing')",
        ).run(id);
      }
      if (to === "pending") {
        db.prepare(
          `UPDATE streams SET status = 'pending', frame_count = NULL, duration_seconds = NULL,
             width = NULL, height = NULL, started_at = NULL, ended_at = NULL, render_ms = NULL,
             error_message = NULL, frames_done = 0
           WHERE job_id = ?`,
        ).run(id);
      }
      return { ok: true, job: getJob(id) as JobRecord };
    },
  );

  const insertJob = db.transaction((input: NewJob): JobRecord => {
    const id = randomUUID();
    const mediaMs = input.streams.reduce((sum, s) => sum + s.plannedMs, 0);
    db.prepare(
      `INSERT INTO jobs (id, tenant, status, portrait, bypass_vlm, scripts_json, media_ms, created_at)
       VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.tenant,
      input.portrait ? 1 : 0,
      input.bypassVlm ? 1 : 0,
      JSON.stringify(input.scripts),
      mediaMs,
      nowIso(),
    );
    const insertStream = db.prepare(
      `INSERT INTO streams (id, job_id, tenant, position, script_index, status, planned_ms)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    );
    input.streams.forEach((stream, position) => {
      insertStream.run(
        randomUUID(),
        id,
        input.tenant,
        position,
        stream.scriptIndex,
        stream.plannedMs,
      );
    });
    return getJob(id) as JobRecord;
  });

  return {
    getJob,
    moveJob,
    createJob: insertJob,

    /** A tenant sees only its own jobs; anyone else's id reads as unknown. */
    getOwnedJob(id: string, tenant: string): JobRecord | undefined {
      const job = getJob(id);
      return job && job.tenant === tenant ? job : undefined;
    },

    streamsOf(jobId: string): StreamRecord[] {
      return selectStreams.all(jobId).map(toStream);
    },

    scriptsOf(jobId: string): ScriptEntry[][] {
      const row = db
        .prepare<[string], { scripts_json: string }>("SELECT scripts_json FROM jobs WHERE id = ?")
        .get(jobId);
      return row ? (JSON.parse(row.scripts_json) as ScriptEntry[][]) : [];
    },

    listJobs(
      tenant: string,
      filter: { status?: JobStatus; active?: boolean; limit: number; offset: number },
    ): { jobs: JobRecord[]; total: number } {
      const where = ["tenant = @tenant"];
      if (filter.status) where.push("status = @status");
      if (filter.active) where.push("status IN ('pending','dispatched','processing')");
      const params = {
        tenant,
        status: filter.status ?? null,
        limit: filter.limit,
        offset: filter.offset,
      };
      const total = db
        .prepare<typeof params, { n: number }>(
          `SELECT COUNT(*) AS n FROM jobs WHERE ${where.join(" AND ")}`,
        )
        .get(params)?.n;
      const jobs = db
        .prepare<typeof params, JobRow>(
          `SELECT ${JOB_COLUMNS} FROM jobs WHERE ${where.join(" AND ")}
           ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
        )
        .all(params)
        .map(toJob);
      return { jobs, total: total ?? 0 };
    },

    /**
     * The next job, round-robin across tenants and oldest first within each, so one tenant's
     * backlog never starves another's single job. Moved to `dispatched`, and the tenant's turn
     * taken, in the same transaction that finds it.
     */
    claimNext: db.transaction((): JobRecord | undefined => {
      const row = selectNextJob.get();
      if (!row) return undefined;
      const moved = moveJob(row.id, "dispatched", { from: ["pending"] });
      if (!moved.ok) return undefined;
      takeTurn.run({ tenant: row.tenant });
      return moved.job;
    }),

    setStreamProcessing(streamId: string): void {
      db.prepare(
        "UPDATE streams SET status = 'processing', started_at = ? WHERE id = ? AND status = 'pending'",
      ).run(nowIso(), streamId);
    },

    /**
     * A rendering stream's frames so far. Only a stream still processing takes it: a report
     * that arrives after a cancel, a failure or the stream's completion changes nothing.
     */
    setStreamProgress(streamId: string, framesDone: number): void {
      updateProgress.run(framesDone, streamId);
    },

    /** Each listed job's progress, from one query however many streams the jobs have. */
    progressOfJobs(jobIds: readonly string[]): Map<string, ProgressCounts> {
      const counts = new Map<string, ProgressCounts>();
      if (jobIds.length === 0) return counts;
      const rows = db
        .prepare<string[], ProgressCounts & { job_id: string }>(
          `SELECT job_id,
             COUNT(*) AS streamsTotal,
             SUM(status = 'completed') AS streamsDone,
             SUM(${FRAMES_TOTAL_SQL}) AS framesTotal,
             SUM(CASE WHEN status = 'completed' THEN ${FRAMES_TOTAL_SQL}
                      ELSE MIN(frames_done, ${FRAMES_TOTAL_SQL}) END) AS framesDone
           FROM streams WHERE job_id IN (${jobIds.map(() => "?").join(", ")})
           GROUP BY job_id`,
        )
        .all(...jobIds);
      for (const { job_id: jobId, ...row } of rows) counts.set(jobId, row);
      return counts;
    },

    completeStream(streamId: string, result: StreamResult): void {
      db.prepare(
        `UPDATE streams SET status = 'completed', ended_at = @now, frame_count = @frameCount,
           duration_seconds = @durationSeconds, width = @width, height = @height, render_ms = @renderMs
         WHERE id = @id AND status = 'processing'`,
      ).run({ id: streamId, now: nowIso(), ...result });
    },

    failStream(streamId: string, message: string): void {
      db.prepare(
        `UPDATE streams SET status = 'failed', ended_at = ?, error_message = ?
         WHERE id = ? AND status IN ('pending','processing')`,
      ).run(nowIso(), message, streamId);
    },

    /**
     * After a restart, jobs the last process was running go back to the queue without counting
     * a try: an engine killed outright is rarely the job's fault. Only a job found running by
     * MAX_INTERRUPTED_STARTS starts is failed, in case it is what brings the engine down.
     */
    recoverInterrupted: db.transaction((): { requeued: string[]; failed: string[] } => {
      const rows = db
        .prepare<[], { id: string; interrupted_starts: number }>(
          `SELECT id, interrupted_starts FROM jobs
           WHERE status IN ('dispatched','processing') ORDER BY seq`,
        )
        .all();
      const requeued: string[] = [];
      const failed: string[] = [];
      for (const row of rows) {
        db.prepare("UPDATE jobs SET interrupted_starts = interrupted_starts + 1 WHERE id = ?").run(
          row.id,
        );
        if (row.interrupted_starts + 1 >= MAX_INTERRUPTED_STARTS) {
          moveJob(row.id, "failed", {
            errorMessage: `The engine was stopped ${MAX_INTERRUPTED_STARTS} times while running this job, so it was given up.`,
          });
          failUnfinishedStreams(row.id, "the engine stopped while rendering it");
          failed.push(row.id);
        } else {
          moveJob(row.id, "pending");
          requeued.push(row.id);
        }
      }
      return { requeued, failed };
    }),

    /**
     * A job's render process died while the engine lived: one try counted, and the job goes
     * back to the queue, or fails on its MAX_TRIES-th crash with the cause in words. `cause` is
     * how the process ended ("SIGKILL", "exit code 1").
     */
    retryAfterCrash: db.transaction((id: string, cause: string): MoveResult => {
      const current = getJob(id);
      const from = ["dispatched", "processing"] as const;
      if (!current || !(from as readonly JobStatus[]).includes(current.status)) {
        return { ok: false, current };
      }
      if (current.retryCount + 1 < MAX_TRIES) return moveJob(id, "pending", { from, retry: true });
      const moved = moveJob(id, "failed", {
        from,
        retry: true,
        errorMessage: `The render process stopped unexpectedly (${cause}) ${MAX_TRIES} times while rendering this job.`,
      });
      if (moved.ok) failUnfinishedStreams(id, `the render process stopped unexpectedly (${cause})`);
      return moved;
    }),

    getOwnedStream(streamId: string, tenant: string): StreamRecord | undefined {
      const row = db
        .prepare<[string], StreamRow>("SELECT * FROM streams WHERE id = ?")
        .get(streamId);
      return row && row.tenant === tenant ? toStream(row) : undefined;
    },

    getStream(streamId: string): StreamRecord | undefined {
      const row = db
        .prepare<[string], StreamRow>("SELECT * FROM streams WHERE id = ?")
        .get(streamId);
      return row ? toStream(row) : undefined;
    },

    listRecordings(tenant: string, page: { limit: number; offset: number }) {
      const total =
        db
          .prepare<[string], { n: number }>(
            "SELECT COUNT(*) AS n FROM streams WHERE tenant = ? AND status = 'completed'",
          )
          .get(tenant)?.n ?? 0;
      const rows = db
        .prepare<[string, number, number], StreamRow>(
          `SELECT * FROM streams WHERE tenant = ? AND status = 'completed'
           ORDER BY ended_at DESC, position DESC LIMIT ? OFFSET ?`,
        )
        .all(tenant, page.limit, page.offset);
      return { recordings: rows.map(toStream), total };
    },

    /**
     * Media still to render ahead of (and including) a job, for the wait estimate: what is left
     * of everything rendering (by the frames its streams have rendered), and, as the queue takes turns, the first n pending jobs of every tenant where
     * the job is its tenant's n-th. That counts at most one job per tenant too many (those whose
     * n-th turn falls after it), which errs on the side of a longer wait.
     */
    mediaMsAhead(seq: number): number {
      return (
        db
          .prepare<[number], { ms: number | null }>(
            `WITH queue AS (
               SELECT seq, media_ms, ROW_NUMBER() OVER (PARTITION BY tenant ORDER BY seq) AS turn
               FROM jobs WHERE status = 'pending')
             SELECT
               (SELECT COALESCE(SUM(media_ms), 0) FROM jobs WHERE status IN ('dispatched','processing'))
               - (SELECT COALESCE(SUM(CASE WHEN s.status = 'completed' THEN s.planned_ms
                                           ELSE MIN(s.frames_done * ${FRAME_MS}, s.planned_ms) END), 0)
                  FROM streams AS s JOIN jobs AS j ON j.id = s.job_id
                  WHERE j.status IN ('dispatched','processing'))
               + COALESCE((SELECT SUM(media_ms) FROM queue
                           WHERE turn <= (SELECT turn FROM queue WHERE seq = ?)), 0) AS ms`,
          )
          .get(seq)?.ms ?? 0
      );
    },

    /** Media a tenant has waiting or rendering, for the per-tenant queue limit. */
    queuedMediaMs(tenant: string): number {
      return (
        db
          .prepare<[string], { ms: number | null }>(
            `SELECT SUM(media_ms) AS ms FROM jobs
             WHERE tenant = ? AND status IN ('pending','dispatched','processing')`,
          )
          .get(tenant)?.ms ?? 0
      );
    },

    /** Render wall time per media millisecond over the last streams rendered, if any. */
    recentRenderRatio(sample = 20): number | null {
      const row = db
        .prepare<[number], { render: number | null; media: number | null }>(
          `SELECT SUM(render_ms) AS render, SUM(planned_ms) AS media FROM (
             SELECT render_ms, planned_ms FROM streams
             WHERE status = 'completed' AND render_ms IS NOT NULL
             ORDER BY ended_at DESC LIMIT ?)`,
        )
        .get(sample);
      return row?.render && row.media ? row.render / row.media : null;
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
