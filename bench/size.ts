// npm run bench:size: the studio route's first load (the JS `index.html` loads before anything is
// clicked), gzipped as the size test counts it and brotli'd as the engine sends it, and the JS
// every other page adds. Reads a build (`dist/`, or STUDIO_DIR); prints figures, asserts nothing
// (`npm run test:size` is the test that fails above its limit).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { firstLoadGzipBytes, LIMIT_BYTES } from "../scripts/bundle-size";
import { record } from "./figures";

const GOAL_KB = 125;
const dist = process.env.STUDIO_DIR || process.env.BENCH_DIST || "dist";
const kb = (bytes: number) => bytes / 1024;

const first = firstLoadGzipBytes(dist);
const gzip = first.reduce((sum, each) => sum + each.gzip, 0);
const brotli = first.reduce((sum, each) => {
  const bytes = readFileSync(path.join(dist, each.file.replace(/^\//, "")));
  return (
    sum + brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  );
}, 0);
const assets = path.join(dist, "assets");
const allJs = readdirSync(assets).filter((name) => name.endsWith(".js"));
const firstNames = new Set(first.map((each) => path.basename(each.file)));
const later = allJs
  .filter((name) => !firstNames.has(name))
  .reduce((sum, name) => sum + readFileSync(path.join(assets, name)).length, 0);

console.log(`Studio first load (${dist}): ${first.length} scripts`);
for (const each of first)
  console.log(`  ${each.file.padEnd(44)} ${kb(each.gzip).toFixed(1)} KB gzip`);
console.log(
  `  total ${kb(gzip).toFixed(1)} KB gzip (goal <= ${GOAL_KB} KB; npm test fails above ` +
    `${kb(LIMIT_BYTES).toFixed(0)} KB), ${kb(brotli).toFixed(1)} KB as sent (brotli)`,
);
console.log(
  `Loaded when first needed (other pages, dialogs, drop overlay): ${allJs.length - first.length} scripts, ${kb(later).toFixed(0)} KB raw`,
);

record({
  bench: "size",
  name: "Studio first load, JS gzipped",
  value: kb(gzip),
  unit: "KB",
  goal: { op: "<=", limit: GOAL_KB },
});
record({
  bench: "size",
  name: "Studio first load, JS as sent (brotli)",
  value: kb(brotli),
  unit: "KB",
});
