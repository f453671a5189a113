// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ShortcutsSheet } from "../components/shortcuts-sheet";
import { shortcutRows } from "./sheet-rows";
import { commandForKey } from "../hooks/use-studio-shortcuts";
import type { Timeline } from "../model/timeline";
import { createDraftStore } from "../store/draft-store";
import { formatBinding } from "./keys";
import {
  COMMANDS,
  type Command,
  type CommandEnv,
  type CommandId,
  DEFAULT_COMMAND_UI,
  getCommand,
  isEnabled,
  MENU_COMMANDS,
  TOOLBAR_GROUPS,
} from "./registry";
import { CITY_IN_RAIN, DESERT_CLIP } from "../testing/timelines";

const timeline: Timeline = { ...CITY_IN_RAIN, clips: [...CITY_IN_RAIN.clips, DESERT_CLIP] };

afterEach(cleanup);

function setup() {
  const store = createDraftStore({ draftId: "d", name: "Draft", timeline });
  const env = (atMs: number): CommandEnv => {
    const temporal = store.temporal.getState();
    return {
      state: store.getState(),
      canUndo: temporal.pastStates.length > 0,
      canRedo: temporal.futureStates.length > 0,
      atMs,
    };
  };
  const enabled = (id: CommandId, atMs = store.getState().playheadMs) =>
    isEnabled(getCommand(id), env(atMs));
  const run = (id: CommandId, atMs = store.getState().playheadMs) =>
    getCommand(id).perform({ store, ui: DEFAULT_COMMAND_UI, atMs, shift: false });
  return { store, enabled, run };
}

const all = COMMANDS as readonly Command[];

describe("the command registry", () => {
  it("lists every command that has keys in the shortcuts sheet, with all its keys", () => {
    render(<ShortcutsSheet open onClose={() => undefined} />);
    const sheet = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    const terms = within(sheet).getAllByRole("term");
    const definitions = within(sheet).getAllByRole("definition");
    for (const command of all.filter((c) => c.keys)) {
      const row = definitions.findIndex(
        (d) => d.textContent === (command.description ?? command.label),
      );
      expect(row, command.id).toBeGreaterThanOrEqual(0);
      for (const binding of command.keys ?? []) {
        expect(terms[row]?.textContent).toContain(formatBinding(binding));
      }
    }
    expect(definitions).toHaveLength(shortcutRows().length);
  });

  it("binds each key to one command at most, and has unique ids", () => {
    const seen = new Map<string, string>();
    for (const command of all) {
      for (const b of command.keys ?? []) {
        const key = `${b.mod ? "mod+" : ""}${b.shift === true ? "shift+" : ""}${b.key}`;
        expect(seen.get(key), `${key} is bound twice`).toBeUndefined();
        seen.set(key, command.id);
      }
    }
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const known = new Set(all.map((c) => c.id));
    for (const id of [...MENU_COMMANDS, ...TOOLBAR_GROUPS.flat()]) expect(known.has(id)).toBe(true);
  });

  it("maps key presses to commands, leaving Space to a focused button", () => {
    const press = (key: string, mods: Partial<KeyboardEvent> = {}) => ({
      key,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(commandForKey(press("s"))?.id).toBe("add-stream");
    expect(commandForKey(press("I", { shiftKey: false }))?.id).toBe("add-interaction");
    expect(commandForKey(press("e"))?.id).toBe("add-end");
    expect(commandForKey(press(" "))?.id).toBe("play-pause");
    expect(commandForKey(press(" "), true)).toBeNull();
    expect(commandForKey(press("z", { ctrlKey: true }))?.id).toBe("undo");
    expect(commandForKey(press("Z", { metaKey: true, shiftKey: true }))?.id).toBe("redo");
    expect(commandForKey(press("Delete", { shiftKey: true }))?.id).toBe("ripple-delete");
    expect(commandForKey(press("Backspace"))?.id).toBe("delete");
    expect(commandForKey(press("?", { shiftKey: true }))?.id).toBe("show-shortcuts");
    expect(commandForKey(press("d", { ctrlKey: true, shiftKey: true }))?.id).toBe(
      "duplicate-stream",
    );
    // Copy and paste go through the clipboard events, and Alt belongs to the system.
    expect(commandForKey(press("c", { ctrlKey: true }))).toBeNull();
    expect(commandForKey(press("s", { altKey: true }))).toBeNull();
    expect(commandForKey(press("s", { ctrlKey: true }))).toBeNull();
  });
});

describe("when commands are enabled", () => {
  it("adds an interaction or an end only where a stream can take one", () => {
    const { enabled } = setup();
    expect(enabled("add-interaction", 3000)).toBe(true);
    expect(enabled("add-interaction", 10_000)).toBe(false);
    expect(enabled("add-end", 0)).toBe(false);
    expect(enabled("add-end", 10_000)).toBe(true);
    expect(enabled("add-stream", 10_000)).toBe(true);
  });

  it("splits only where both parts last a second", () => {
    const { enabled } = setup();
    expect(enabled("split", 500)).toBe(false);
    expect(enabled("split", 4500)).toBe(true);
    expect(enabled("split", 8500)).toBe(false);
    expect(enabled("split", 10_000)).toBe(false);
  });

  it("needs a selection to delete, copy or duplicate, and history to undo or redo", () => {
    const { store, enabled, run } = setup();
    for (const id of ["delete", "ripple-delete", "copy", "duplicate", "clear-selection"] as const) {
      expect(enabled(id), id).toBe(false);
    }
    expect(enabled("undo")).toBe(false);
    expect(enabled("paste")).toBe(false);
    store.getState().actions.select(["i1"]);
    expect(enabled("delete")).toBe(true);
    run("copy");
    expect(enabled("paste")).toBe(true);
    run("delete");
    expect(enabled("undo")).toBe(true);
    expect(enabled("redo")).toBe(false);
    run("undo");
    expect(enabled("redo")).toBe(true);
  });

  it("acts on the selected stream, else the one at the time", () => {
    const { store, enabled, run } = setup();
    expect(enabled("duplicate-stream", 10_000)).toBe(false);
    expect(enabled("duplicate-stream", 13_000)).toBe(true);
    store.getState().actions.select(["i1"]);
    expect(enabled("duplicate-stream", 10_000)).toBe(true);
    run("duplicate-stream", 10_000);
    expect(store.getState().timeline.clips.map((c) => c.start.timestampMs)).toEqual([
      0, 9000, 21_000,
    ]);
    // Entries of two streams are not one stream.
    store.getState().actions.select(["s1", "s2"]);
    expect(enabled("duplicate-stream", 0)).toBe(false);
  });

  it("plays from the start once the playhead is at the end, and pauses", () => {
    const { store, run } = setup();
    store.getState().actions.setPlayhead(15_000);
    run("play-pause");
    expect(store.getState()).toMatchObject({ playing: true, playheadMs: 0 });
    run("play-pause");
    expect(store.getState().playing).toBe(false);
  });
});
