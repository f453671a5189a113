// The journal as the persistence uses it: a "reload" is a second persistence on the same
// IndexedDB database and the same localStorage, the first one left with its save not yet done.
import "fake-indexeddb/auto";
import { createStore, get } from "idb-keyval";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryStorage } from "../../../test/memory-storage";
import type { DraftPersistence } from "../hooks/use-draft-session";
import type { Timeline } from "../../../lib/draft/document";
import type { DraftData } from "../../../lib/draft/document";
import { ImageNotKeptError, JOURNAL_FULL_MESSAGE, JournalWriteError } from "./edit-journal";
import { claimingAll } from "../../../test/claim-all";
import { createDraftPersistence } from "./persistence";

const image = "data:image/png;base64,iVBORw0KGgo=";

const timeline: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city", image },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
      end: { id: "e1", timestampMs: 9000 },
    },
  ],
};

const withPrompt = (data: DraftData, prompt: string): DraftData => {
  const [clip] = data.timeline.clips;
  if (!clip) throw new Error("no clip");
  return {
    ...data,
    timeline: { ...data.timeline, clips: [{ ...clip, start: { ...clip.start, prompt } }] },
  };
};

let n = 0;
const opened: DraftPersistence[] = [];
// A delay no test waits out: whatever reaches IndexedDB got there through flush() or at once.
function open(dbName: string, journal: Storage | null, delayMs = 60_000) {
  const persistence = claimingAll(createDraftPersistence({ delayMs, dbName, journal }));
  opened.push(persistence);
  return persistence;
}
function fresh(journal: Storage | null = new MemoryStorage()) {
  const dbName = `journal-test-${n++}`;
  return { dbName, journal, drafts: open(dbName, journal) };
}
const record = (dbName: string, id: string) =>
  get<{ name: string; updatedAt: number }>(`draft:${id}`, createStore(dbName, "drafts"));

afterEach(() => {
  for (const persistence of opened.splice(0)) persistence.dispose();
});

const draft: DraftData = { draftId: "d1", name: "City", timeline, originals: {}, createdAt: 1 };

describe("the journal in the persistence", () => {
  it("keeps an edit through a reload before its save, its image from IndexedDB", async () => {
    const original = new Blob(["the original"], { type: "image/png" });
    const { dbName, journal, drafts } = fresh();
    drafts.schedule({ ...draft, originals: { s1: original } });
    await drafts.flush();
    drafts.schedule(withPrompt(draft, "a city at night"));
    // The page goes now: the save of the edit has not started.
    drafts.dispose();

    const reloaded = open(dbName, journal);
    const loaded = await reloaded.load("d1");
    expect(loaded?.timeline).toEqual(withPrompt(draft, "a city at night").timeline);
    expect(loaded?.originals.s1?.size).toBe(original.size);
    expect(await reloaded.list()).toEqual([expect.objectContaining({ id: "d1", name: "City" })]);
  });

  it("writes a replayed edit into IndexedDB and then drops its entry", async () => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule(draft);
    await drafts.flush();
    drafts.schedule({ ...draft, name: "Renamed" });
    drafts.dispose();

    const reloaded = open(dbName, journal);
    await reloaded.load("d1");
    await reloaded.flush();
    expect((await record(dbName, "d1"))?.name).toBe("Renamed");
    expect(journal?.getItem(`${dbName}:journal:d1`)).toBeNull();
  });

  it("drops an entry once IndexedDB holds its edit", async () => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule(draft);
    expect(journal?.getItem(`${dbName}:journal:d1`)).not.toBeNull();
    await drafts.flush();
    expect(journal?.getItem(`${dbName}:journal:d1`)).toBeNull();
  });

  it("keeps the entry of an edit made while the save before it was under way", async () => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule(draft);
    const saved = drafts.flush();
    drafts.schedule({ ...draft, name: "Later" });
    await saved;
    drafts.dispose();
    expect((await record(dbName, "d1"))?.name).toBe("City");
    expect((await open(dbName, journal).load("d1"))?.name).toBe("Later");
  });

  it("ignores an entry older than the IndexedDB copy, and removes it", async () => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule(draft);
    await drafts.flush();
    const savedAt = (await record(dbName, "d1"))?.updatedAt ?? 0;
    const stale = { v: 1, savedAt: savedAt - 1, id: "d1", name: "Stale", portrait: false };
    journal?.setItem(`${dbName}:journal:d1`, JSON.stringify({ ...stale, createdAt: 1, clips: [] }));
    const reloaded = open(dbName, journal);
    expect(await reloaded.list()).toEqual([expect.objectContaining({ name: "City" })]);
    expect((await reloaded.load("d1"))?.name).toBe("City");
    expect(journal?.getItem(`${dbName}:journal:d1`)).toBeNull();
  });

  it.each([
    ["not JSON", '{"v":1,"savedAt":99999999999999,'],
    [
      "a stream without an end",
      JSON.stringify({
        v: 1,
        savedAt: 99_999_999_999_999,
        id: "d1",
        name: "Damaged",
        portrait: false,
        createdAt: 1,
        clips: [{ id: "c1", start: { id: "s1", timestampMs: 0, prompt: "x" } }],
      }),
    ],
  ])("ignores a damaged entry (%s) and opens the IndexedDB copy", async (_, text) => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule(draft);
    await drafts.flush();
    journal?.setItem(`${dbName}:journal:d1`, text);
    const loaded = await open(dbName, journal).load("d1");
    expect(loaded?.name).toBe("City");
    expect(loaded?.timeline).toEqual(timeline);
  });

  it("opens a draft IndexedDB never held, and the last one opened, after a reload", async () => {
    const { dbName, journal, drafts } = fresh();
    const imported: DraftData = { ...draft, draftId: "d2", name: "Imported" };
    drafts.schedule({ ...imported, timeline: { portrait: true, clips: [] } });
    void drafts.setLastOpenId("d2");
    drafts.dispose();

    const reloaded = open(dbName, journal);
    expect(await reloaded.lastOpenId()).toBe("d2");
    expect(await reloaded.list()).toEqual([
      expect.objectContaining({ id: "d2", name: "Imported" }),
    ]);
    expect((await reloaded.load("d2"))?.timeline).toEqual({ portrait: true, clips: [] });
  });

  it("opens the journal's copy, without images, when IndexedDB cannot be read", async () => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule(draft);
    await drafts.flush();
    drafts.schedule({ ...draft, name: "Renamed" });
    drafts.dispose();
    const reads = vi.spyOn(IDBObjectStore.prototype, "get").mockImplementation(() => {
      throw new DOMException("The database connection is closing.", "InvalidStateError");
    });
    try {
      const loaded = await open(dbName, journal).load("d1");
      expect(loaded?.name).toBe("Renamed");
      expect(loaded?.timeline.clips[0]?.start).toEqual({
        id: "s1",
        timestampMs: 0,
        prompt: "a city",
      });
      await expect(open(dbName, journal).load("d2")).rejects.toThrow(/does not allow storage/);
    } finally {
      reads.mockRestore();
    }
  });

  it("keeps an image set the moment before a reload, its save never started", async () => {
    const { dbName, journal, drafts } = fresh();
    drafts.schedule({ ...draft, timeline: { ...timeline, clips: [] } });
    await drafts.flush();
    drafts.schedule(draft);
    // The page goes before the image's save starts.
    drafts.dispose();

    const loaded = await open(dbName, journal).load("d1");
    expect(loaded?.timeline.clips[0]?.start.image).toBe(image);
  });

  it("says so, once, when an image is too big to keep the instant it is set", async () => {
    // Room for the edit itself, not for a 3,000-character image.
    const { dbName, drafts } = fresh(new MemoryStorage(2_000));
    const errors: Error[] = [];
    drafts.setErrorHandler((error) => errors.push(error));
    const big = `data:image/png;base64,${"A".repeat(3_000)}`;
    const withBig = (prompt: string): DraftData => ({
      ...draft,
      timeline: {
        ...timeline,
        clips: timeline.clips.map((c) => ({ ...c, start: { ...c.start, prompt, image: big } })),
      },
    });
    drafts.schedule(withBig("a city"));
    drafts.schedule(withBig("a city at night"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ImageNotKeptError);
    expect(errors[0]).toMatchObject({ draftId: "d1", startId: "s1" });
    // Still saved with the draft, a moment later.
    await drafts.flush();
    const loaded = await open(dbName, new MemoryStorage()).load("d1");
    expect(loaded?.timeline.clips[0]?.start.image).toBe(big);
  });

  it("drops a kept image once IndexedDB holds it, and never replays a stale one", async () => {
    const { dbName, journal, drafts } = fresh();
    const before = "data:image/png;base64,AAAA";
    const withImage = (data: DraftData, url: string): DraftData => ({
      ...data,
      timeline: {
        ...data.timeline,
        clips: data.timeline.clips.map((c) => ({ ...c, start: { ...c.start, image: url } })),
      },
    });
    drafts.schedule(withImage(draft, before));
    await drafts.flush();
    const keys = () => Array.from({ length: journal!.length }, (_, i) => journal!.key(i));
    expect(keys().filter((k) => k?.includes("image:"))).toEqual([]);

    // A new image, then back to the saved one (an undo) before either is saved.
    drafts.schedule(withImage(draft, image));
    expect(keys().filter((k) => k?.includes("image:"))).toHaveLength(1);
    drafts.schedule(withPrompt(withImage(draft, before), "undone"));
    expect(keys().filter((k) => k?.includes("image:"))).toEqual([]);
    drafts.dispose();

    const loaded = await open(dbName, journal).load("d1");
    expect(loaded?.timeline.clips[0]?.start.image).toBe(before);
    expect(loaded?.timeline.clips[0]?.start.prompt).toBe("undone");
  });

  it("never writes an older copy over a newer record (a tab that lost the draft)", async () => {
    const { dbName, journal, drafts } = fresh();
    // Without an image, so nothing saves before the test says so.
    const plain = { ...draft, name: "old" };
    drafts.schedule({ ...plain, timeline: { ...timeline, clips: [] } });
    // Another tab saves a later edit first.
    const other = open(dbName, journal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    other.schedule({ ...plain, name: "new", timeline: { ...timeline, clips: [] } });
    await other.flush();
    await drafts.flush();
    expect((await open(dbName, null).load("d1"))?.name).toBe("new");
  });

  it("saves a new image to IndexedDB at once instead of after the delay", async () => {
    const { dbName, drafts } = fresh();
    drafts.schedule({ ...draft, timeline: { ...timeline, clips: [] } });
    drafts.schedule(draft);
    await vi.waitFor(async () => expect(await record(dbName, "d1")).toBeDefined());
  });

  it("when localStorage is full: says so once, saves to IndexedDB at once, keeps what it had", async () => {
    const { dbName, drafts } = fresh(new MemoryStorage(0));
    const onError = vi.fn();
    drafts.setErrorHandler(onError);
    const plain = { ...draft, timeline: { ...timeline, clips: [] } };
    drafts.schedule(plain);
    drafts.schedule({ ...plain, name: "Second" });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.any(JournalWriteError));
    expect(onError.mock.calls[0]?.[0]).toHaveProperty("message", JOURNAL_FULL_MESSAGE);
    await vi.waitFor(async () => expect((await record(dbName, "d1"))?.name).toBe("Second"));
  });

  it("without web storage, saves after the delay as before and reports nothing", async () => {
    const dbName = `journal-test-${n++}`;
    const drafts = open(dbName, null, 5);
    const onError = vi.fn();
    drafts.setErrorHandler(onError);
    drafts.schedule({ ...draft, timeline: { ...timeline, clips: [] } });
    await vi.waitFor(async () => expect(await record(dbName, "d1")).toBeDefined());
    expect(onError).not.toHaveBeenCalled();
  });
});
