// @vitest-environment jsdom
// Undo keys in the prompt fields (inspector and list view) take back the same typing burst as
// the toolbar's Undo: the draft's history, not the browser's text undo.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { caretAfterChange } from "../hooks/use-prompt-history-keys";
import { TimelineCheckContext } from "../hooks/use-timeline-check";
import { checkTimeline } from "../model/problems";
import type { Timeline } from "../model/timeline";
import { createDraftStore, HISTORY_GROUP_MS } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";
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

function WithCheck({ children }: { children: React.ReactNode }) {
  const current = useDraftStore((s) => s.timeline);
  return <TimelineCheckContext value={checkTimeline(current)}>{children}</TimelineCheckContext>;
}

/** The studio's store on a clock the test moves, so a pause between bursts takes no time. */
function setup(view: "inspector" | "list") {
  let now = 1_000_000;
  const store = createDraftStore({ draftId: "d", name: "Draft", timeline }, { now: () => now });
  store.getState().actions.select(["i1"]);
  render(
    <DraftStoreContext value={store}>
      <WithCheck>{view === "inspector" ? <Inspector /> : <ListView />}</WithCheck>
    </DraftStoreContext>,
  );
  const pause = () => (now += HISTORY_GROUP_MS + 1);
  const prompt = () => store.getState().timeline.clips[0]?.interactions[0]?.prompt;
  return { store, pause, prompt, user: userEvent.setup() };
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
