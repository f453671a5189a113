import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import type { Timeline } from "../../../lib/draft/document";
import { createStore, get, set } from "idb-keyval";
import { claimingAll } from "../../../test/claim-all";
import { createDraftPersistence, UNREADABLE_DRAFT_NAME } from "./persistence";
import { DEFAULT_DRAFT_NAME, DRAFT_VERSION, UnreadableDraftError } from "./restore-draft";

const timeline: Timeline = {
  portrait: true,
  clips: [
    {
      id: "c1",
      start: {
        id: "s1",
        timestampMs: 0,
        prompt: "a city",
        image: "data:image/png;base64,iVBORw0KGgo=",
      },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
      end: { id: "e1", timestampMs: 9000 },
    },
  ],
};

let n = 0;
const fresh = () => claimingAll(createDraftPersistence({ delayMs: 5, dbName: `test-${n++}` }));

describe("createDraftPersistence", () => {
  it("saves a draft and loads it back exactly, its image included", async () => {
    const drafts = fresh();
    drafts.schedule({ draftId: "d1", name: "City", timeline, originals: {}, createdAt: 1 });
    await drafts.flush();
    expect(await drafts.load("d1")).toEqual({
      draftId: "d1",
      name: "City",
      timeline,
      originals: {},
      createdAt: 1,
      savedAt: expect.any(Number),
    });
    expect(await drafts.list()).toEqual([expect.objectContaining({ id: "d1", name: "City" })]);
  });

  it("coalesces a burst of changes into one write of the last", async () => {
    // Every write that reaches IndexedDB, whichever idb-keyval call made it: the last write
    // wins anyway, so only counting them tells coalesced saves from one save per change.
    const puts = vi.spyOn(IDBObjectStore.prototype, "put");
    const written = () =>
      puts.mock.calls
        .filter(([, key]) => key === "draft:d1")
        .map(([record]) => (record as { name: string }).name);
    try {
      const drafts = fresh();
      for (const name of ["a", "ab", "abc"]) {
        drafts.schedule({ draftId: "d1", name, timeline, originals: {}, createdAt: 1 });
      }
      // The delayed save happens by itself; flush then waits for anything still in flight.
      await vi.waitFor(() => expect(written()).not.toEqual([]));
      await drafts.flush();
      expect(written()).toEqual(["abc"]);
      expect((await drafts.load("d1"))?.name).toBe("abc");
    } finally {
      puts.mockRestore();
    }
  });

  it("remembers the last open draft and removes drafts", async () => {
    const drafts = fresh();
    drafts.schedule({ draftId: "d1", name: "City", timeline, originals: {}, createdAt: 1 });
    await drafts.flush();
    await drafts.setLastOpenId("d1");
    expect(await drafts.lastOpenId()).toBe("d1");
    await drafts.remove("d1");
    expect(await drafts.load("d1")).toBeNull();
    expect(await drafts.list()).toEqual([]);
  });
});

describe("restoring saved drafts", () => {
  // Writes a record as an older studio (or a damaged disk) left it, behind the adapter's back.
  async function withRecord(raw: unknown) {
    const dbName = `test-${n++}`;
    await set("draft:d1", raw, createStore(dbName, "drafts"));
    return claimingAll(createDraftPersistence({ delayMs: 5, dbName }));
  }

  const blob = (text: string) => new Blob([text], { type: "image/png" });

  it("writes the version with every draft", async () => {
    const dbName = `test-${n++}`;
    const drafts = claimingAll(createDraftPersistence({ delayMs: 5, dbName }));
    drafts.schedule({ draftId: "d1", name: "City", timeline, originals: {}, createdAt: 1 });
    await drafts.flush();
    const raw = await get<{ version: number }>("draft:d1", createStore(dbName, "drafts"));
    expect(raw?.version).toBe(DRAFT_VERSION);
  });

  it("loads an unversioned draft, its data-URL image included", async () => {
    const drafts = await withRecord({
      id: "d1",
      name: "Old",
      portrait: true,
      clips: [
        {
          id: "c1",
          start: {
            id: "s1",
            timestampMs: 0,
            prompt: "a city",
            image: timeline.clips[0]?.start.image,
          },
          interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
          end: { id: "e1", timestampMs: 9000 },
        },
      ],
      originals: {},
      createdAt: 1,
      updatedAt: 2,
    });
    expect(await drafts.load("d1")).toEqual({
      draftId: "d1",
      name: "Old",
      timeline,
      originals: {},
      createdAt: 1,
      // The version a tab that follows this draft compares.
      savedAt: 2,
    });
    expect(await drafts.list()).toEqual([
      expect.objectContaining({ id: "d1", name: "Old", updatedAt: 2, streams: 1 }),
    ]);
  });

  it("fills the fields a draft lacks with defaults", async () => {
    const drafts = await withRecord({
      version: 1,
      clips: [{ start: { timestampMs: 0 }, end: { timestampMs: 4000 } }],
    });
    const loaded = await drafts.load("d1");
    expect(loaded).toMatchObject({
      draftId: "d1",
      name: DEFAULT_DRAFT_NAME,
      originals: {},
      createdAt: 0,
      timeline: {
        portrait: false,
        clips: [
          {
            start: { timestampMs: 0, prompt: "" },
            interactions: [],
            end: { timestampMs: 4000 },
          },
        ],
      },
    });
    const clip = loaded?.timeline.clips[0];
    const ids = [clip?.id, clip?.start.id, clip?.end.id];
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    expect(new Set(ids).size).toBe(3);
    expect(clip?.start).not.toHaveProperty("image");
  });

  it("keeps only Blobs among the originals and puts streams and interactions in time order", async () => {
    const original = blob("original");
    const drafts = await withRecord({
      version: 1,
      id: "d1",
      name: "Shuffled",
      clips: [
        {
          id: "c2",
          start: { id: "s2", timestampMs: 10_000, prompt: "b" },
          interactions: [
            { id: "i2", timestampMs: 12_000, prompt: "late" },
            { id: "i1", timestampMs: 11_000, prompt: "early" },
          ],
          end: { id: "e2", timestampMs: 13_000 },
        },
        {
          id: "c1",
          start: { id: "s1", timestampMs: 0, prompt: "a" },
          end: { id: "e1", timestampMs: 5000 },
        },
      ],
      originals: { s1: original, s2: "not a blob" },
      createdAt: 5,
    });
    const loaded = await drafts.load("d1");
    expect(loaded?.timeline.clips.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(loaded?.timeline.clips[1]?.interactions.map((i) => i.id)).toEqual(["i1", "i2"]);
    expect(Object.keys(loaded?.originals ?? {})).toEqual(["s1"]);
  });

  it.each([
    ["a string", "garbage", "It is not a draft record"],
    [
      "a stream without an end",
      { version: 1, clips: [{ start: { timestampMs: 0 } }] },
      "Stream 1 has no end",
    ],
    [
      "a time that is not a number",
      { version: 1, clips: [{ start: { timestampMs: "soon" }, end: { timestampMs: 1000 } }] },
      "Stream 1's start has no valid time",
    ],
    ["streams that are not a list", { version: 1, clips: 7 }, "Its streams are not a list"],
    ["a draft from a newer studio", { version: 99, clips: [] }, "saved by a newer studio"],
  ])("reports %s as unreadable instead of crashing", async (_, raw, reason) => {
    const drafts = await withRecord(raw);
    await expect(drafts.load("d1")).rejects.toThrow(/^This draft could not be read\./);
    await expect(drafts.load("d1")).rejects.toThrow(reason);
    await expect(drafts.load("d1")).rejects.toBeInstanceOf(UnreadableDraftError);
    // The list still shows it, so it is not silently lost, and the other drafts still load.
    drafts.schedule({ draftId: "d2", name: "Fine", timeline, originals: {}, createdAt: 1 });
    await drafts.flush();
    const list = await drafts.list();
    expect(list).toEqual(
      expect.arrayContaining([
        { id: "d1", name: UNREADABLE_DRAFT_NAME, updatedAt: 0, unreadable: true },
        expect.objectContaining({ id: "d2", name: "Fine" }),
      ]),
    );
    expect((await drafts.load("d2"))?.timeline).toEqual(timeline);
  });

  it("keeps everything through a save and a load", async () => {
    const original = blob("the original");
    const full: Timeline = {
      portrait: false,
      clips: [
        ...timeline.clips,
        {
          id: "c2",
          start: { id: "s2", timestampMs: 12_000, prompt: "a desert" },
          interactions: [
            { id: "i2", timestampMs: 13_000, prompt: "wind" },
            { id: "i3", timestampMs: 13_000, prompt: "same time, written second" },
          ],
          end: { id: "e2", timestampMs: 15_000 },
        },
      ],
    };
    const drafts = fresh();
    const data = {
      draftId: "d1",
      name: "Both",
      timeline: full,
      originals: { s1: original },
      createdAt: 7,
    };
    drafts.schedule(data);
    await drafts.flush();
    const loaded = await drafts.load("d1");
    expect(loaded).toEqual({ ...data, savedAt: expect.any(Number) });
    expect(loaded?.originals.s1?.size).toBe(original.size);
    // A second round trip of what was loaded changes nothing either.
    drafts.schedule(loaded as NonNullable<typeof loaded>);
    await drafts.flush();
    expect(await drafts.load("d1")).toEqual({ ...data, savedAt: expect.any(Number) });
  });

  it("saves only the drafts this tab has claimed, and gives each change a newer version", async () => {
    const drafts = createDraftPersistence({ delayMs: 5, dbName: `test-${n++}` });
    const errors: Error[] = [];
    drafts.setErrorHandler((error) => errors.push(error));
    const data = { draftId: "d1", name: "Shown", timeline, originals: {}, createdAt: 1 };
    expect(drafts.schedule(data)).toBeNull();
    await drafts.flush();
    expect(await drafts.load("d1")).toBeNull();
    expect(errors.map((e) => e.message)).toEqual([
      "“Shown” is not this tab's to save; its change was not kept.",
    ]);

    drafts.claim("d1");
    const first = drafts.schedule(data);
    const second = drafts.schedule({ ...data, name: "Edited" });
    expect(second).toBeGreaterThan(first ?? Infinity);
    await drafts.flush();
    expect((await drafts.load("d1"))?.savedAt).toBe(second);
    drafts.release("d1");
    expect(drafts.schedule({ ...data, name: "After" })).toBeNull();
    await drafts.flush();
    expect((await drafts.load("d1"))?.name).toBe("Edited");
  });
});
