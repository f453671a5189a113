import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../../test/memory-storage";
import type { Timeline } from "../../../lib/draft/document";
import type { DraftData } from "../../../lib/draft/document";
import { createEditJournal, JOURNAL_FULL_MESSAGE, JournalWriteError } from "./edit-journal";

const image = `data:image/png;base64,${"A".repeat(300_000)}`;

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

const draft = (name = "City"): DraftData => ({
  draftId: "d1",
  name,
  timeline,
  originals: {},
  createdAt: 1,
});

describe("the edit journal", () => {
  it("keeps a draft without its image bytes, marking the start that has one", () => {
    const storage = new MemoryStorage();
    const journal = createEditJournal(storage, "db:");
    journal.write(draft(), 100);
    const text = storage.getItem("db:journal:d1") ?? "";
    expect(text.length).toBeLessThan(1000);
    expect(text).not.toContain("base64");
    expect(journal.read("d1")).toEqual({
      savedAt: 100,
      id: "d1",
      name: "City",
      portrait: false,
      createdAt: 1,
      clips: [
        {
          id: "c1",
          start: { id: "s1", timestampMs: 0, prompt: "a city", hasImage: true },
          interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
          end: { id: "e1", timestampMs: 9000 },
        },
      ],
    });
    expect(journal.readAll().map((entry) => entry.id)).toEqual(["d1"]);
  });

  it("settles an entry only with a save at least as new as its edit", () => {
    const journal = createEditJournal(new MemoryStorage(), "db:");
    journal.write(draft(), 100);
    journal.settle("d1", 99);
    expect(journal.read("d1")?.savedAt).toBe(100);
    journal.settle("d1", 100);
    expect(journal.read("d1")).toBeNull();
  });

  it.each([
    ["text that is not JSON", "{not json"],
    ["an unknown version", JSON.stringify({ v: 2, savedAt: 1, id: "d1", clips: [] })],
    [
      "another draft's entry",
      JSON.stringify({
        v: 1,
        savedAt: 1,
        id: "d2",
        name: "",
        portrait: false,
        createdAt: 0,
        clips: [],
      }),
    ],
    [
      "streams that are not a list",
      JSON.stringify({
        v: 1,
        savedAt: 1,
        id: "d1",
        name: "",
        portrait: false,
        createdAt: 0,
        clips: 3,
      }),
    ],
  ])("reads %s as no entry, and the next save removes it", (_, text) => {
    const storage = new MemoryStorage();
    storage.setItem("db:journal:d1", text);
    const journal = createEditJournal(storage, "db:");
    expect(journal.read("d1")).toBeNull();
    expect(journal.readAll()).toEqual([]);
    journal.settle("d1", 1);
    expect(storage.getItem("db:journal:d1")).toBeNull();
  });

  it("says when storage is full, and keeps the entry it had", () => {
    const storage = new MemoryStorage(250);
    const journal = createEditJournal(storage, "db:");
    journal.write({ ...draft("A"), timeline: { portrait: false, clips: [] } }, 100);
    expect(() => journal.write(draft("B"), 200)).toThrow(JournalWriteError);
    expect(() => journal.write(draft("B"), 200)).toThrow(JOURNAL_FULL_MESSAGE);
    expect(journal.read("d1")?.name).toBe("A");
  });

  it("remembers the last open draft", () => {
    const journal = createEditJournal(new MemoryStorage(), "db:");
    expect(journal.lastOpenId()).toBeNull();
    journal.setLastOpenId("d1");
    expect(journal.lastOpenId()).toBe("d1");
  });
});
