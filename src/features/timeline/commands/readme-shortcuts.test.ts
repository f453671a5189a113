// README's keyboard table is the registry's shortcuts sheet in words: a key added, changed or
// dropped in the registry fails here until the README says the same.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shortcutRows } from "./sheet-rows";

const README = new URL("../../../../README.md", import.meta.url);

/** The rows of the first table under "### Keyboard" in "## The studio's timeline editor". */
function readmeKeyboardRows(markdown: string): { keys: string; what: string }[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("The studio's timeline editor"));
  const keyboard = section?.split(/^### /m).find((s) => s.startsWith("Keyboard\n"));
  if (!keyboard) throw new Error("README has no ### Keyboard in ## The studio's timeline editor");
  const lines = keyboard.split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith("|"));
  // The header row and the |---| row go; each further row is "| keys | what it does |".
  return lines.slice(start + 2, end === -1 ? undefined : end).map((line) => {
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    expect(cells, `README row ${line}`).toHaveLength(2);
    return { keys: cells[0] ?? "", what: cells[1] ?? "" };
  });
}

describe("README's keyboard table", () => {
  it("lists exactly the registry's shortcuts and gestures, with their keys", () => {
    const listed = readmeKeyboardRows(readFileSync(README, "utf8"));
    const registry = shortcutRows("Ctrl/⌘+").map(({ keys, what }) => ({
      keys: keys.join(" or "),
      what,
    }));
    expect(listed).toEqual(registry);
  });

  it("is read from the right table, so a missing row is noticed", () => {
    const markdown = [
      "## The studio's timeline editor",
      "### Keyboard",
      "| keys | what it does |",
      "| ---- | ------------ |",
      "| S    | add a stream |",
      "",
      "## Next",
      "| X | not this |",
    ].join("\n");
    expect(readmeKeyboardRows(markdown)).toEqual([{ keys: "S", what: "add a stream" }]);
  });
});
