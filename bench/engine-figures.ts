// What the engine benchmarks share: the machine they ran on, percentiles, an engine process's
// resident memory from /proc, and a stop that cannot hang on an engine stuck in a long task.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { EngineProcess } from "../server/test/engine-process";

export function machine(): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(2));
  return `${os.cpus().length} cores, load average ${one} ${five} ${fifteen} (1, 5, 15 min)`;
}

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** A field of /proc/<pid>/status in MB (VmRSS now, VmHWM the peak); null once it has exited. */
export function memoryMb(pid: number | undefined, field: "VmRSS" | "VmHWM"): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current resident size (Linux 4.0+); false where it cannot. */
export function resetPeakMemory(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

export function exited(engine: EngineProcess): boolean {
  return engine.child.exitCode !== null || engine.child.signalCode !== null;
}

/**
 * SIGTERM, then SIGKILL after `graceMs`: an engine busy in one long synchronous task does not
 * run its signal handler until that task ends, and a benchmark must stop by itself.
 */
export async function stopEngine(engine: EngineProcess, graceMs = 5000): Promise<void> {
  if (exited(engine)) return;
  const gone = new Promise<void>((resolve) => engine.child.once("exit", () => resolve()));
  engine.child.kill("SIGTERM");
  const timer = setTimeout(() => engine.child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}
