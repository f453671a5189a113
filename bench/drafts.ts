// npm run bench:drafts: what keeping every edit at once costs, in Chromium, on a 1,000-entry
// draft (250 streams, 50 of them with a 1280x704 JPEG start image). Prints figures; asserts
// nothing.
//   1. Each edit's synchronous cost: persistence.schedule() journaling the draft into
//      localStorage (typing one character into a prompt), and the journal entry's size.
//   2. The IndexedDB save the journal stands in for, and how soon a new image reaches IndexedDB
//      (the journal holds no image bytes, so that write starts at once).
//   3. Loading the draft with and without a newer journal entry to replay.
//   4. localStorage full: how much this Chromium holds, and what an edit does then.
// Run through Vite's dev server, so the page runs the studio's own modules.
import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";
import path from "node:path";
import { createServer } from "vite";
import type * as Journal from "../src/features/drafts/adapters/edit-journal";
import type * as Persistence from "../src/features/drafts/adapters/persistence";
import type * as Operations from "../src/features/timeline/model/operations";
import type { Clip, Timeline } from "../src/features/timeline/model/timeline";
import { record } from "./figures";

const ROOT = path.resolve(import.meta.dirname, "..");

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

interface Figures {
  entries: number;
  imageChars: number;
  scheduleMs: number[];
  journalChars: number;
  saveMs: number[];
  imageSaveMs: number[];
  loadMs: number[];
  replayMs: number[];
  quotaChars: number;
  full: { reported: string; savedWithinMs: number; loadedName: string };
}

async function main() {
  const dev = await createServer({
    root: ROOT,
    logLevel: "silent",
    server: { port: 0, host: "127.0.0.1" },
  });
  await dev.listen();
  const url = dev.resolvedUrls?.local[0] ?? "";
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const context = await browser.newContext();
    // tsx keeps function names with an `__name` helper the page does not have.
    await context.addInitScript("window.__name = (fn) => fn");
    const page = await context.newPage();
    // The studio's page, for its origin; its own drafts live under another database name.
    await page.goto(url);
    const figures: Figures = await page.evaluate(async () => {
      const load = <T>(file: string) => import(/* @vite-ignore */ file) as Promise<T>;
      const { createDraftPersistence } = await load<typeof Persistence>(
        "/src/features/drafts/adapters/persistence.ts",
      );
      const { JournalWriteError } = await load<typeof Journal>(
        "/src/features/drafts/adapters/edit-journal.ts",
      );
      const { setPrompt, setImage } = await load<typeof Operations>(
        "/src/features/timeline/model/operations.ts",
      );
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      // The record's `updatedAt`, read behind the persistence's back.
      const openDb = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error("no database"));
        });
      const stamp = (db: IDBDatabase) =>
        new Promise<number>((resolve) => {
          const get = db.transaction("drafts").objectStore("drafts").get("draft:bench");
          get.onsuccess = () => resolve((get.result as { updatedAt: number }).updatedAt);
        });
      /** From `edit()` to the IndexedDB write it causes landing, with no flush() asked for. */
      const timeToSave = async (db: IDBDatabase, edit: () => void) => {
        const before = await stamp(db);
        const started = performance.now();
        edit();
        while ((await stamp(db)) === before) await tick();
        return performance.now() - started;
      };

      // A photo-like frame: noise compresses about as badly as a real one.
      const canvas = document.createElement("canvas");
      canvas.width = 1280;
      canvas.height = 704;
      const g = canvas.getContext("2d");
      if (!g) throw new Error("no 2d context");
      const pixels = g.createImageData(1280, 704);
      for (let i = 0; i < pixels.data.length; i++) {
        pixels.data[i] = i % 4 === 3 ? 255 : (Math.random() * 64 + (i % 4) * 60) | 0;
      }
      g.putImageData(pixels, 0, 0);
      const image = canvas.toDataURL("image/jpeg", 0.9);

      const clips: Clip[] = [];
      for (let i = 0; i < 250; i++) {
        const t = i * 6000;
        clips.push({
          id: `c${i}`,
          start: {
            id: `s${i}`,
            timestampMs: t,
            prompt: `Scene ${i + 1}: a city street in the rain`,
            ...(i % 5 === 0 ? { image } : {}),
          },
          interactions: [
            { id: `a${i}`, timestampMs: t + 1500, prompt: "the lights flicker" },
            { id: `b${i}`, timestampMs: t + 3000, prompt: "a car drives past" },
          ],
          end: { id: `e${i}`, timestampMs: t + 5000 },
        });
      }
      let timeline: Timeline = { portrait: false, clips };
      const dbName = `bench-drafts-${Date.now()}`;
      const draft = { draftId: "bench", name: "Bench", originals: {}, createdAt: Date.now() };
      // The tab that edits a draft claims it first: an unclaimed draft is never written.
      const persistence = createDraftPersistence({ dbName, delayMs: 60_000 });
      persistence.claim("bench");
      persistence.schedule({ ...draft, timeline });

      const saveMs: number[] = [];
      for (let i = 0; i < 10; i++) {
        persistence.schedule({ ...draft, timeline, name: `Bench ${i}` });
        const started = performance.now();
        await persistence.flush();
        saveMs.push(performance.now() - started);
      }

      // Typing: one more character per edit, the store's way (a new timeline each time).
      const scheduleMs: number[] = [];
      let prompt = "";
      for (let i = 0; i < 300; i++) {
        prompt += "abcdefghij"[i % 10];
        timeline = setPrompt(timeline, "a120", prompt);
        const started = performance.now();
        persistence.schedule({ ...draft, timeline });
        scheduleMs.push(performance.now() - started);
      }
      const journalChars = localStorage.getItem(`${dbName}:journal:bench`)?.length ?? 0;

      // Replay: the page "reloads" with the last edits only in the journal.
      persistence.dispose();
      const replayMs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const reloaded = createDraftPersistence({ dbName, delayMs: 60_000 });
        reloaded.claim("bench");
        timeline = setPrompt(timeline, "a120", `${prompt} ${i}`);
        const writer = createDraftPersistence({ dbName, delayMs: 60_000 });
        writer.claim("bench");
        writer.schedule({ ...draft, timeline });
        writer.dispose();
        const started = performance.now();
        const loaded = await reloaded.load("bench");
        replayMs.push(performance.now() - started);
        if (loaded?.timeline.clips[120]?.interactions[0]?.prompt !== `${prompt} ${i}`) {
          throw new Error("the replay lost the edit");
        }
        await reloaded.flush();
        reloaded.dispose();
      }
      const loadMs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const reloaded = createDraftPersistence({ dbName, delayMs: 60_000 });
        const started = performance.now();
        await reloaded.load("bench");
        loadMs.push(performance.now() - started);
        reloaded.dispose();
      }

      // A new image: from the edit to the IndexedDB write landing, with no flush() asked for.
      const imageSaveMs: number[] = [];
      const imaging = createDraftPersistence({ dbName, delayMs: 60_000 });
      imaging.claim("bench");
      await imaging.load("bench");
      const db = await openDb(dbName);
      for (let i = 0; i < 10; i++) {
        g.fillStyle = `hsl(${i * 36} 80% 50%)`;
        g.fillRect(0, 0, 40, 40);
        timeline = setImage(timeline, "s1", canvas.toDataURL("image/jpeg", 0.9));
        imageSaveMs.push(await timeToSave(db, () => imaging.schedule({ ...draft, timeline })));
      }
      await imaging.flush();
      imaging.dispose();

      // localStorage full: fill it, then edit.
      const filler = "x".repeat(256 * 1024);
      let quotaChars = 0;
      let n = 0;
      for (const size of [filler, filler.slice(0, 16 * 1024), filler.slice(0, 512)]) {
        for (;;) {
          try {
            localStorage.setItem(`bench-filler-${n}`, size);
            quotaChars += size.length + `bench-filler-${n}`.length;
            n++;
          } catch {
            break;
          }
        }
      }
      const full = createDraftPersistence({ dbName, delayMs: 60_000 });
      full.claim("bench");
      const reported: string[] = [];
      full.setErrorHandler((error) => {
        reported.push(
          error instanceof JournalWriteError ? error.message : `other: ${error.message}`,
        );
      });
      await full.load("bench");
      const savedWithinMs = await timeToSave(db, () =>
        full.schedule({ ...draft, timeline, name: "Edited while full" }),
      );
      const loadedName =
        (await createDraftPersistence({ dbName, journal: null }).load("bench"))?.name ?? "";
      db.close();
      for (let i = 0; i < n; i++) localStorage.removeItem(`bench-filler-${i}`);
      full.dispose();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
      localStorage.clear();

      return {
        entries: 1000,
        imageChars: image.length,
        scheduleMs,
        journalChars,
        saveMs,
        imageSaveMs,
        loadMs,
        replayMs,
        quotaChars,
        full: { reported: reported.join(" | "), savedWithinMs, loadedName },
      };
    });

    const pct = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    };
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    const spread = (values: number[]) =>
      `median ${ms(pct(values, 50))}, p95 ${ms(pct(values, 95))}, max ${ms(Math.max(...values))}`;
    const { full } = figures;

    console.log(
      `Drafts: keeping every edit, ${figures.entries} entries (250 streams, 50 images of ${(figures.imageChars / 1024).toFixed(0)} KB as data URLs), Chromium ${browser.version()}\n`,
    );
    console.log("Each edit, synchronously (journal into localStorage), over 300 typed characters");
    console.log(
      `  ${spread(figures.scheduleMs)}; entry ${(figures.journalChars / 1024).toFixed(0)} K characters, no image bytes`,
    );
    console.log("\nThe IndexedDB save the journal stands in for (whole draft, images unchanged)");
    console.log(`  ${spread(figures.saveMs)}`);
    console.log("A new image, from the edit to its IndexedDB write landing");
    console.log(`  ${spread(figures.imageSaveMs)}`);
    console.log("\nOpening the draft (IndexedDB read, images to data URLs)");
    console.log(`  without a journal entry: ${spread(figures.loadMs)}`);
    console.log(`  replaying a newer one:   ${spread(figures.replayMs)}`);
    console.log("\nlocalStorage full");
    console.log(
      `  this Chromium holds ${(figures.quotaChars / 1024 / 1024).toFixed(2)} M characters per origin`,
    );
    console.log(`  an edit then: reported "${full.reported}"`);
    console.log(
      `  the edit reached IndexedDB ${ms(full.savedWithinMs)} after it was made (no delay), and the IndexedDB copy loads as "${full.loadedName}"`,
    );
    record({
      bench: "drafts",
      name: `Keeping an edit of a ${figures.entries}-entry draft (p95, synchronous)`,
      value: pct(figures.scheduleMs, 95),
      unit: "ms",
      note: "no edit is lost to a reload however soon after it",
    });
    record({
      bench: "drafts",
      name: `Opening a ${figures.entries}-entry draft with 50 images (median)`,
      value: pct(figures.loadMs, 50),
      unit: "ms",
    });
  } finally {
    await browser.close();
    await dev.close();
  }
}

await main();
