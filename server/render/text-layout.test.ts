import { createCanvas } from "@napi-rs/canvas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registerFonts, useFont } from "./fonts";
import { wrapText } from "./text-layout";

/** Ten units a grapheme, so widths are easy to reason about. */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const tenEach = (text: string) => [...graphemes.segment(text)].length * 10;

describe("wrapText", () => {
  it("fills lines word by word and ends a prompt that does not fit with an ellipsis", () => {
    expect(wrapText("a storm rolls in", 100, 3, tenEach)).toEqual(["a storm", "rolls in"]);
    const lines = wrapText("one two three four five six seven", 90, 2, tenEach);
    expect(lines).toEqual(["one two", "three…"]);
  });

  it("breaks a word longer than a line between graphemes, never inside an emoji", () => {
    const family = "👨‍👩‍👧";
    const lines = wrapText(`${family.repeat(5)}abc`, 30, 10, tenEach);
    expect(lines.join("")).toBe(`${family.repeat(5)}abc`);
    expect(lines[0]).toBe(family.repeat(3));
    for (const line of lines) expect(tenEach(line)).toBeLessThanOrEqual(30);
  });

  it("returns no lines for an empty prompt and collapses whitespace", () => {
    expect(wrapText("  \n\t ", 100, 3, tenEach)).toEqual([]);
    expect(wrapText("a\n\nb", 100, 3, tenEach)).toEqual(["a b"]);
  });

  it("never returns a line wider than the width or more lines than allowed", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 6 }),
        (text, width, maxLines) => {
          const lines = wrapText(text, width, maxLines, tenEach);
          expect(lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of lines) expect(tenEach(line)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it("wraps a very long prompt with the real font quickly enough to render", () => {
    registerFonts();
    const ctx = createCanvas(1, 1).getContext("2d");
    useFont(ctx, 26);
    const measure = (text: string) => ctx.measureText(text).width;
    const prompt = `${"a cinematic drone shot over the mountains ".repeat(300)}${"x".repeat(20_000)}`;
    const lines = wrapText(prompt, 1180, 4, measure);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(1180);
    expect(lines[3]?.endsWith("…")).toBe(true);
    const unbroken = wrapText("y".repeat(20_000), 600, 3, measure);
    expect(unbroken).toHaveLength(3);
    for (const line of unbroken) expect(measure(line)).toBeLessThanOrEqual(600);
  });
});
