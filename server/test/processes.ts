// What is running on this machine, read from /proc: an engine's render processes, and whether
// anything still works on a stream's files.
import { readdirSync, readFileSync } from "node:fs";

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    // The process ended between listing and reading.
    return null;
  }
}

function pids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The command line of a process, arguments joined by spaces; null once it has ended. */
export function commandLine(pid: number): string | null {
  const raw = read(`/proc/${pid}/cmdline`);
  return raw === null ? null : raw.split("\0").join(" ").trim();
}

function parentOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The name in brackets may hold spaces and brackets; the fields after the last ")" do not.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[1]);
}

/** The render processes an engine has forked. */
export function renderProcessesOf(enginePid: number): number[] {
  return pids().filter(
    (pid) => parentOf(pid) === enginePid && commandLine(pid)?.includes("render-worker.ts"),
  );
}

/** Processes whose command line mentions `text`, such as an ffmpeg writing a stream's files. */
export function processesMentioning(text: string): number[] {
  return pids().filter((pid) => pid !== process.pid && commandLine(pid)?.includes(text));
}
