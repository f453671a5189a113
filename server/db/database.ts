// The engine's one SQLite database. Every job, stream and token lives here, so a killed
// process loses nothing it had acknowledged.
import Database from "better-sqlite3";
import { chmodSync, closeSync, existsSync, openSync } from "node:fs";
import path from "node:path";

export type Db = Database.Database;

/** Each entry moves the schema one version up; never edit a shipped one, add the next. */
const MIGRATIONS: readonly string[] = [
  `
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
  `,
  // The fair queue's turns (a counter, not a clock: dispatches in one millisecond still
  // order), and engine starts that found a job running, counted apart from render crashes.
  `
  CREATE TABLE tenant_turns (
    tenant     TEXT PRIMARY KEY,
    last_turn  INTEGER NOT NULL
  );
  CREATE INDEX jobs_tenant_queue ON jobs (status, tenant, seq);
  ALTER TABLE jobs ADD COLUMN interrupted_starts INTEGER NOT NULL DEFAULT 0;
  `,
  // The key each token came from, as a hash, so a key no longer accepted stops its tokens.
  // Tokens issued before have none, and stop as soon as ENGINE_API_KEYS is set.
  `
  ALTER TABLE tokens ADD COLUMN key_hash TEXT;
  `,
  // Frames a stream's render has sent to the encoder, for the progress a job reports.
  `
  ALTER TABLE streams ADD COLUMN frames_done INTEGER NOT NULL DEFAULT 0;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Where the engine keeps its database unless told otherwise. */
export const databaseFileIn = (dataDir: string) => path.join(dataDir, "engine.sqlite3");

/** Opens (creating and migrating as needed) a database file, or `":memory:"` for tests. */
export function openDatabase(location: string): Db {
  const inMemory = location === ":memory:";
  if (!inMemory) keepPrivate(location);
  const db = new Database(location);
  // WAL is for a file shared across restarts; a database in memory keeps its own journal.
  if (!inMemory) db.pragma("journal_mode = WAL");
  // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the
  // last transactions), which is the failure this engine promises to survive.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

/**
 * Creates the database file readable by this user alone (SQLite gives its -wal and -shm files
 * the database's mode), and tightens those an older engine left readable by others.
 */
function keepPrivate(file: string): void {
  closeSync(openSync(file, "a", 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(each)) chmodSync(each, 0o600);
  }
}

function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The database in this DATA_DIR has schema version ${current}, newer than this engine's ${SCHEMA_VERSION}: use a newer engine or another DATA_DIR.`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
