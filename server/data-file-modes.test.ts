// The engine's data is its user's alone: every file it and its render processes create in
// DATA_DIR is 0600 and every folder 0700, and those an older engine left open are closed.
import { chmodSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  shortScript,
  startEngine,
} from "./test/engine-process";

const parent = mkdtempSync(path.join(tmpdir(), "simulate-modes-test-"));
// Not there yet: the engine makes it.
const dataDir = path.join(parent, "data");
let engine: EngineProcess | undefined;

afterAll(async () => {
  await engine?.stop();
  removeDataDir(parent);
});

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

/** Every file and folder under `root`, by path relative to it, with its mode in octal. */
function modesUnder(root: string): Record<string, string> {
  const modes: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    modes[path.relative(root, full)] = modeOf(full);
  }
  return modes;
}

describe("data files", () => {
  it("are created 0600 in folders 0700, recordings included", async () => {
    engine = await startEngine({}, dataDir);
    const client = clientFor(engine.api);
    await client.login("modes-key");
    const created = await client.call("POST", "/simulation-jobs", { script: shortScript() });
    const job = await client.waitFor(created.body.job_id as string, (s) => s === "completed");
    const streamId = job.streams[0].stream_id as string;

    expect(modeOf(dataDir)).toBe("700");
    const modes = modesUnder(dataDir);
    // What must be there (the WAL files exist while the engine runs), then everything there.
    for (const file of [
      "engine.sqlite3",
      "engine.sqlite3-wal",
      "engine.sqlite3-shm",
      "signing.key",
      `artifacts/${streamId}/video.mp4`,
      `artifacts/${streamId}/thumbnail.jpg`,
      `artifacts/${streamId}/preview.mp4`,
      `artifacts/${streamId}/events.json`,
    ]) {
      expect(modes[file], file).toBe("600");
    }
    expect(modes.artifacts).toBe("700");
    expect(modes[`artifacts/${streamId}`]).toBe("700");
    for (const [name, mode] of Object.entries(modes)) {
      const isDir = statSync(path.join(dataDir, name)).isDirectory();
      expect(mode, name).toBe(isDir ? "700" : "600");
    }
  });

  it("are closed to others on start when an older engine left them open", async () => {
    await engine?.stop();
    chmodSync(path.join(dataDir, "engine.sqlite3"), 0o644);
    chmodSync(path.join(dataDir, "signing.key"), 0o644);
    chmodSync(path.join(dataDir, "artifacts"), 0o755);
    engine = await startEngine({}, dataDir);
    expect(modeOf(path.join(dataDir, "engine.sqlite3"))).toBe("600");
    expect(modeOf(path.join(dataDir, "signing.key"))).toBe("600");
    expect(modeOf(path.join(dataDir, "artifacts"))).toBe("700");
  });
});
