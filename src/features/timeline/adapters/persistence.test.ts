import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { Timeline } from "../model/timeline";
import { createDraftPersistence } from "./persistence";

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
const fresh = () => createDraftPersistence({ delayMs: 5, dbName: `test-${n++}` });

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
    });
    expect(await drafts.list()).toEqual([expect.objectContaining({ id: "d1", name: "City" })]);
  });

  it("coalesces a burst of changes into the last one", async () => {
    const drafts = fresh();
    for (const name of ["a", "ab", "abc"]) {
      drafts.schedule({ draftId: "d1", name, timeline, originals: {}, createdAt: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    await drafts.flush();
    expect((await drafts.load("d1"))?.name).toBe("abc");
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
