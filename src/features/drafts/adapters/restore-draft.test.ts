import { describe, expect, it } from "vitest";
import { restoreDraft } from "./restore-draft";

const record = (start: Record<string, unknown>) => ({
  version: 1,
  id: "d1",
  name: "City",
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city", ...start },
      end: { id: "e1", timestampMs: 5000 },
    },
  ],
});

describe("restoreDraft", () => {
  it("keeps a stream's name and colour when the record has them", () => {
    const restored = restoreDraft(record({ name: "Wide shot", color: "#f97316" }));
    expect(restored.ok && restored.draft.clips[0]?.start).toEqual(
      expect.objectContaining({ name: "Wide shot", color: "#f97316" }),
    );
  });

  it("reads a stream without them, or with ones of the wrong type, as having none", () => {
    for (const start of [{}, { name: 3, color: null }]) {
      const restored = restoreDraft(record(start));
      expect(restored.ok).toBe(true);
      const kept = restored.ok ? restored.draft.clips[0]?.start : undefined;
      expect(kept).toEqual({ id: "s1", timestampMs: 0, prompt: "a city" });
    }
  });

  it("keeps which starts lost their image, and whether Submit may go without them", () => {
    const restored = restoreDraft({ ...record({}), missingImages: ["s1", 7], imagesWaived: true });
    expect(restored.ok && restored.draft.missingImages).toEqual(["s1"]);
    expect(restored.ok && restored.draft.imagesWaived).toBe(true);
    const plain = restoreDraft(record({}));
    expect(plain.ok && "missingImages" in plain.draft).toBe(false);
  });
});
