// @vitest-environment jsdom
// Undo keys and the browser's own Undo in the prompt fields (inspector and list view) take back
// the same typing burst as the toolbar's Undo: the draft's history, not the browser's text undo.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { caretAfterChange } from "../hooks/use-prompt-history-keys";
import type { Timeline } from "../model/timeline";
import { HISTORY_GROUP_MS } from "../store/draft-store";
import { renderInDraft } from "../testing/render-in-draft";
import { Inspector } from "./inspector";
import { ListView } from "./list-view";
import { loadEntryFields } from "./studio-chunks";

const timeline: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "" }],
      end: { id: "e1", timestampMs: 9000 },
    },
  ],
};

/** The studio's store on a clock the test moves, so a pause between bursts takes no time. */
function setup(view: "inspector" | "list") {
  let now = 1_000_000;
  const { store, user } = renderInDraft(
    view === "inspector" ? <Inspector /> : <ListView />,
    timeline,
    {
      selection: ["i1"],
      now: () => now,
    },
  );
  const pause = () => (now += HISTORY_GROUP_MS + 1);
  const prompt = () => store.getState().timeline.clips[0]?.interactions[0]?.prompt;
  return { store, pause, prompt, user };
}

afterEach(cleanup);
// The inspector's fields are a later chunk; here they are fetched already, as once the studio is idle.
beforeAll(async () => {
  await loadEntryFields();
});

describe.each([
  ["the inspector", "inspector", "Prompt"],
  ["the list view", "list", "Prompt of the interaction of stream 1 at 3.00 s"],
] as const)("undo keys in %s's prompt field", (_, view, name) => {
  it("undo and redo the last typing burst, as the toolbar's Undo does", async () => {
    const { store, pause, prompt, user } = setup(view);
    const field = screen.getByRole<HTMLInputElement>("textbox", { name });
    await user.type(field, "rain on roofs");
    pause();
    // The second burst goes in the middle, so the caret has somewhere to be other than the end.
    field.setSelectionRange("rain ".length, "rain ".length);
    await user.keyboard("falls ");
    expect(field).toHaveValue("rain falls on roofs");

    await user.keyboard("{Control>}z{/Control}");
    expect(field).toHaveValue("rain on roofs");
    expect(prompt()).toBe("rain on roofs");
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    expect(field.selectionStart).toBe("rain ".length);

    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(field).toHaveValue("rain falls on roofs");
    expect(field.selectionStart).toBe("rain falls ".length);
    await user.keyboard("{Control>}z{/Control}{Control>}z{/Control}");
    expect(field).toHaveValue("");
    await user.keyboard("{Control>}y{/Control}");
    expect(field).toHaveValue("rain on roofs");
    expect(prompt()).toBe("rain on roofs");
  });

  it("keeps the browser's own text undo out of it", () => {
    setup(view);
    const field = screen.getByRole("textbox", { name });
    // dispatchEvent answers false when the default (the native undo) was prevented.
    expect(fireEvent.keyDown(field, { key: "z", ctrlKey: true })).toBe(false);
    expect(fireEvent.keyDown(field, { key: "Z", metaKey: true, shiftKey: true })).toBe(false);
    expect(fireEvent.keyDown(field, { key: "z" })).toBe(true);
  });

  it("runs the studio's history for the browser's own Undo and Redo (Edit or context menu)", async () => {
    const { store, pause, user } = setup(view);
    const field = screen.getByRole<HTMLInputElement>("textbox", { name });
    await user.type(field, "rain");
    pause();
    await user.type(field, " falls");
    const history = (inputType: string) =>
      field.dispatchEvent(new InputEvent("beforeinput", { inputType, cancelable: true }));
    // false: the browser's own undo, one character at a time, was kept out.
    expect(history("historyUndo")).toBe(false);
    expect(field).toHaveValue("rain");
    expect(store.temporal.getState().futureStates).toHaveLength(1);
    expect(history("historyRedo")).toBe(false);
    expect(field).toHaveValue("rain falls");
    // Other input goes on as typed.
    expect(history("insertText")).toBe(true);
  });
});

describe("caretAfterChange", () => {
  it.each([
    ["removed text at the end", "rain falls hard", "rain falls", 10],
    ["text put back at the end", "rain", "rain falls", 10],
    ["a word undone in the middle", "rain falls hard", "rain hard", 5],
    ["a word put back in the middle", "rain hard", "rain falls hard", 11],
    ["everything replaced", "abc", "xyz", 3],
  ])("leaves the caret after %s", (_, before, after, caret) => {
    expect(caretAfterChange(before, after)).toBe(caret);
  });
});
