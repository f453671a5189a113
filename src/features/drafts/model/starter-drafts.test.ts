import { describe, expect, it } from "vitest";
import { sampleTimeline, TEMPLATES } from "./starter-drafts";

const ids = (timeline: ReturnType<typeof sampleTimeline>) =>
  timeline.clips.flatMap((c) => [c.id, c.start.id, c.end.id, ...c.interactions.map((i) => i.id)]);

describe("starter drafts", () => {
  it("the sample has two streams with interactions, each inside its stream", () => {
    const { clips } = sampleTimeline();
    expect(clips).toHaveLength(2);
    for (const clip of clips) {
      expect(clip.interactions.length).toBeGreaterThan(0);
      for (const i of clip.interactions) {
        expect(i.timestampMs).toBeGreaterThan(clip.start.timestampMs);
        expect(i.timestampMs).toBeLessThan(clip.end.timestampMs);
      }
    }
  });

  it("offers the three templates, with new ids each time", () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual([
      "Two-shot scene",
      "Product turn",
      "Weather change",
    ]);
    for (const template of TEMPLATES) {
      const a = ids(template.timeline());
      const b = ids(template.timeline());
      expect(new Set([...a, ...b]).size).toBe(a.length * 2);
    }
  });
});
