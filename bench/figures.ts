// Every benchmark reports its headline figures here as well as in its own printout, so
// `npm run bench` (bench/all.ts) can end with one table of each figure next to its goal, from
// one run on one machine: the table the README's Performance section quotes.
import { appendFileSync } from "node:fs";

export interface Goal {
  /** The figure meets its goal when `value op limit`. */
  op: "<" | "<=" | ">=";
  limit: number;
}

export interface Figure {
  /** The benchmark it comes from, e.g. "timeline". */
  bench: string;
  /** What was measured, in words a reader of the README understands. */
  name: string;
  value: number;
  unit: "ms" | "KB" | "MB" | "x" | "" | "%";
  goal?: Goal;
  /** Anything the number needs to be read right (conditions, a "before" figure). */
  note?: string;
}

/** Where bench/all.ts collects the figures; unset when a benchmark runs on its own. */
const FIGURES_FILE = process.env.BENCH_FIGURES;

export function meets(figure: Pick<Figure, "value" | "goal">): boolean | null {
  const { goal, value } = figure;
  if (!goal) return null;
  if (!Number.isFinite(value)) return false;
  if (goal.op === "<") return value < goal.limit;
  if (goal.op === "<=") return value <= goal.limit;
  return value >= goal.limit;
}

export function record(figure: Figure): void {
  if (FIGURES_FILE) appendFileSync(FIGURES_FILE, `${JSON.stringify(figure)}\n`);
}
