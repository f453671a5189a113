// npm run bench: every benchmark, one after another, on one build, then one table of each
// headline figure next to its goal (bench/figures.ts), with the machine's load before and
// after: the table the README's Performance section quotes. BENCH_MARKDOWN=1 prints the table
// as Markdown too; BENCH_ONLY=size,timeline runs just those. A benchmark that fails is reported
// and the rest still run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { machine } from "./engine-figures";
import { type Figure, meets } from "./figures";

const ROOT = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(os.tmpdir(), "simulate-bench-all-"));
const figuresFile = path.join(work, "figures.jsonl");
writeFileSync(figuresFile, "");

/** Each benchmark as its npm script runs it, minus the rebuild: the build is made once here. */
const benches: { name: string; args: string[] }[] = [
  { name: "size", args: ["bench/size.ts"] },
  { name: "render", args: ["bench/render.ts"] },
  { name: "startup", args: ["bench/startup.ts"] },
  { name: "timeline", args: ["bench/timeline.ts"] },
  { name: "drafts", args: ["bench/drafts.ts"] },
  { name: "job-page", args: ["bench/job-page.ts"] },
  { name: "load", args: ["bench/load.ts"] },
  { name: "hostile", args: ["bench/hostile-bodies.ts"] },
];

const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const chosen = benches.filter((bench) => !only || only.includes(bench.name));

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
const atStart = machine();
const started = performance.now();
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } }).status;

if (run("npm", ["run", "-s", "build"]) !== 0) process.exit(1);
const failed: string[] = [];
for (const bench of chosen) {
  console.log(`\n=== bench:${bench.name} ===\n`);
  const status = run(process.execPath, ["--import", "tsx", ...bench.args], {
    BENCH_FIGURES: figuresFile,
    BENCH_DIST: "dist",
  });
  if (status !== 0) failed.push(bench.name);
}

const figures = readFileSync(figuresFile, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Figure);
rmSync(work, { recursive: true, force: true });

const shown = (value: number, unit: Figure["unit"], digits?: number) => {
  if (!Number.isFinite(value)) return "not measured";
  const places = digits ?? (unit === "x" ? 2 : unit === "" || value >= 10 ? 0 : 1);
  const suffix = unit === "" ? "" : unit === "x" || unit === "%" ? unit : ` ${unit}`;
  return `${value.toFixed(places)}${suffix}`;
};
const goalText = (figure: Figure) =>
  figure.goal
    ? `${figure.goal.op} ${shown(figure.goal.limit, figure.unit, Number.isInteger(figure.goal.limit) ? 0 : 1)}`
    : "";
const verdict = (figure: Figure) => {
  const ok = meets(figure);
  return ok === null ? "" : ok ? "meets" : "MISSES";
};
const rows = figures.map((f) => [
  f.bench,
  f.name + (f.note ? ` (${f.note})` : ""),
  shown(f.value, f.unit),
  goalText(f),
  verdict(f),
]);

console.log(`\n=== Summary: ${figures.length} figures ===`);
console.log(
  `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB; Node ${process.version}`,
);
console.log(`Machine at start: ${atStart}`);
console.log(`Machine at end:   ${machine()}`);
console.log(`All benchmarks took ${((performance.now() - started) / 60_000).toFixed(1)} min.\n`);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
for (const row of rows) {
  console.log(row.map((cell, i) => (i < 4 ? cell.padEnd((widths[i] ?? 0) + 2) : cell)).join(""));
}
if (process.env.BENCH_MARKDOWN === "1") {
  console.log("\n| Figure | Measured | Goal |\n| --- | ---: | --- |");
  for (const row of rows)
    console.log(
      `| ${row[1]} | ${row[2]} | ${[row[3], row[4] === "MISSES" ? "(missed)" : ""].filter(Boolean).join(" ")} |`,
    );
}
if (failed.length > 0) {
  console.log(`\nFailed to run: ${failed.join(", ")}`);
  process.exit(1);
}
