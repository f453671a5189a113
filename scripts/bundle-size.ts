// The studio route's first load: the JS `index.html` asks for before anything is clicked (the
// entry script and the chunks Vite preloads beside it, i.e. its static imports), gzipped.
// Run after `vite build` (npm run test:e2e): fails above the limit so a heavy import that
// lands on the first load is caught (issue 14; the README's "First load" figure).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const LIMIT_BYTES = 150 * 1024;

/** The scripts a page loads first: module scripts and modulepreload links, in order. */
export function firstLoadScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const text = tag[0];
    const isEntry = tag[1] === "script" && /\btype=["']?module\b/.test(text);
    const isPreload = tag[1] === "link" && /\brel=["']?modulepreload\b/.test(text);
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/.exec(text)?.[1];
    if ((isEntry || isPreload) && url?.endsWith(".js")) found.add(url);
  }
  return [...found];
}

/**
 * Packages fetched only when needed, each by a string its minified code keeps: a static import
 * that pulls one back onto the first load fails the check even while the total fits.
 */
export const LAZY_ONLY: readonly { name: string; marker: string }[] = [
  // file-selector's list of files to skip in a dropped folder.
  { name: "file-selector (react-dropzone)", marker: "Thumbs.db" },
  { name: "react-dropzone", marker: "too-many-files" },
  // lz-string's URI-safe alphabet.
  { name: "lz-string", marker: "abcdefghijklmnopqrstuvwxyz0123456789+-$" },
  // zod's base schema class: the client fetches the contract's schemas with its first request.
  { name: "zod", marker: '"$ZodType"' },
  // query-core's check for a query without a function: the QueryClient arrives after the first
  // paint (src/app/server-state.tsx).
  { name: "@tanstack/query-core", marker: "Missing queryFn" },
  // dnd-kit's default announcement of a cancelled drag (the timeline passes its own, but the
  // defaults stay in its code): the drag layer arrives when the browser is first idle
  // (src/features/timeline/components/timeline-drag-layer.tsx).
  { name: "@dnd-kit/core", marker: "Dragging was cancelled. Draggable item" },
];

/** The lazy-only packages whose code is in the given first-load sources. */
export function lazyOnlyFound(sources: readonly string[]): string[] {
  return LAZY_ONLY.filter(({ marker }) => sources.some((code) => code.includes(marker))).map(
    ({ name }) => name,
  );
}

export function firstLoadGzipBytes(distDir: string): { file: string; gzip: number }[] {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  return firstLoadScripts(html).map((url) => ({
    file: url,
    gzip: gzipSync(readFileSync(join(distDir, url.replace(/^\//, ""))), { level: 9 }).length,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distDir = process.argv[2] ?? process.env.STUDIO_DIR ?? "dist";
  const files = firstLoadGzipBytes(distDir);
  const total = files.reduce((sum, each) => sum + each.gzip, 0);
  for (const each of files) console.log(`  ${each.file}  ${(each.gzip / 1024).toFixed(1)} KB`);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  if (files.length === 0) {
    console.error(`No module script found in ${join(distDir, "index.html")}.`);
    process.exit(1);
  }
  let failed = false;
  if (total > LIMIT_BYTES) {
    console.error(`First load ${kb(total)} gzipped JS, over the ${kb(LIMIT_BYTES)} limit.`);
    failed = true;
  }
  const early = lazyOnlyFound(
    files.map((each) => readFileSync(join(distDir, each.file.replace(/^\//, "")), "utf8")),
  );
  if (early.length > 0) {
    console.error(`On the first load, but meant to load only when needed: ${early.join(", ")}.`);
    failed = true;
  }
  if (failed) process.exit(1);
  console.log(`First load: ${kb(total)} gzipped JS (limit ${kb(LIMIT_BYTES)}).`);
}
