import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../../test/memory-storage";
import { leaveTabMemory, takeTabMemory } from "./tab-memory";

describe("tab memory", () => {
  it("hands what the page left to the next page once, so a duplicated tab later finds nothing", () => {
    const storage = new MemoryStorage();
    leaveTabMemory({ draftId: "d1", editing: true }, storage);
    expect(takeTabMemory(storage)).toEqual({ draftId: "d1", editing: true });
    expect(takeTabMemory(storage)).toBeNull();
  });

  it("reads damaged or foreign words as nothing, and never throws", () => {
    const storage = new MemoryStorage();
    storage.setItem("simulate-studio:tab-draft", "{not json");
    expect(takeTabMemory(storage)).toBeNull();
    storage.setItem("simulate-studio:tab-draft", JSON.stringify({ draftId: 4, editing: "yes" }));
    expect(takeTabMemory(storage)).toBeNull();
    expect(takeTabMemory(null)).toBeNull();
    expect(() =>
      leaveTabMemory({ draftId: "d1", editing: false }, new MemoryStorage(5)),
    ).not.toThrow();
  });
});
