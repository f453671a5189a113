// Every editor command, defined once (as Excalidraw's actions): its name, its keys, when it can
// run and what it does. The toolbar, the timeline's context menu, the keyboard and the
// shortcuts sheet all render from this list, so they never disagree.
import {
  clipAt,
  clipOfEntry,
  clipToEndAt,
  clipToSplitAt,
  locateEntry,
  timelineEndMs,
} from "../model/operations";
import { entryIdsInScriptOrder, type Clip } from "../model/timeline";
import { type DraftState, type DraftStore, liveSelection } from "../store/draft-store";
import { focusPromptSoon, revealSoon } from "../components/focus-prompt";
import { removeAndRefocus } from "../components/remove-and-refocus";
import type { KeyBinding } from "./keys";

/** What a command may ask of the studio around it. */
export interface CommandUi {
  showShortcuts(): void;
  /** Focuses the inspector's prompt once it shows the entry just added. */
  focusPrompt(): void;
  /** Scrolls the timeline to show these entries (what a paste or a duplicate made). */
  reveal(ids: readonly string[]): void;
}

/** The studio's UI as commands use it outside a studio (component tests): no sheet to show. */
export const DEFAULT_COMMAND_UI: CommandUi = {
  showShortcuts: () => undefined,
  focusPrompt: focusPromptSoon,
  reveal: revealSoon,
};

export interface CommandEnv {
  state: DraftState;
  canUndo: boolean;
  canRedo: boolean;
  /** The time the command acts at: the playhead, or where the context menu was opened. */
  atMs: number;
  /** The entries a control names (a list row's Delete), acted on instead of the selection. */
  entryIds?: readonly string[];
}

export interface CommandRun {
  store: DraftStore;
  ui: CommandUi;
  atMs: number;
  /** Shift was held: a bigger step. */
  shift: boolean;
  /** As in CommandEnv: the entries to act on instead of the selection. */
  entryIds?: readonly string[];
}

export interface Command {
  id: string;
  /** On toolbar buttons and in the sheet. */
  label: string;
  /** In the context menu, where the command acts at the pointer's time. */
  menuLabel?: string;
  /** The sheet's line, when the label alone does not say it. */
  description?: string;
  /** Why it is disabled, as a tooltip. */
  disabledHint?: string;
  keys?: KeyBinding[];
  danger?: boolean;
  enabled?(env: CommandEnv): boolean;
  perform(run: CommandRun): void;
}

const hasSelection = ({ state }: CommandEnv) => liveSelection(state).length > 0;

/** What a delete acts on: the entries the control named, else the selection. */
const deleted = (state: DraftState, entryIds: readonly string[] | undefined): string[] =>
  entryIds
    ? entryIds.filter((id) => locateEntry(state.timeline, id) !== null)
    : liveSelection(state);
const hasDeleted = ({ state, entryIds }: CommandEnv) => deleted(state, entryIds).length > 0;

/**
 * The stream a stream command acts on: the one the selection lies in (any of its entries, or
 * the clip itself), else the one at the time.
 */
export function targetClip(
  state: Pick<DraftState, "timeline" | "selection">,
  atMs: number,
): Clip | null {
  const selection = liveSelection(state);
  if (selection.length === 0) return clipAt(state.timeline, atMs);
  let found: Clip | null = null;
  for (const id of selection) {
    const clip = clipOfEntry(state.timeline, id) ?? locateEntry(state.timeline, id)?.clip ?? null;
    if (!clip || (found && found !== clip)) return null;
    found = clip;
  }
  return found;
}

export function togglePlayback(store: DraftStore) {
  const { playing, playheadMs, timeline, actions } = store.getState();
  const endMs = timelineEndMs(timeline);
  if (!playing && playheadMs >= endMs) actions.setPlayhead(0);
  actions.setPlaying(!playing && endMs > 0);
}

function nudge(direction: -1 | 1) {
  return ({ store, shift }: CommandRun) => {
    const state = store.getState();
    const step = shift ? 1000 : state.gridMs || 100;
    if (liveSelection(state).length > 0) state.actions.nudgeSelection(direction * step);
    else state.actions.setPlayhead(state.playheadMs + direction * step);
  };
}

export const COMMANDS = [
  {
    id: "add-stream",
    label: "Add stream",
    menuLabel: "Add stream here",
    description: "Add a stream at the playhead, or after the last one",
    keys: [{ key: "s" }],
    perform: ({ store, ui, atMs }) => {
      store.getState().actions.addStream(atMs);
      ui.focusPrompt();
    },
  },
  {
    id: "add-interaction",
    label: "Add interaction",
    menuLabel: "Add interaction here",
    description: "Add an interaction at the playhead",
    disabledHint: "Move the playhead inside a stream to add an interaction",
    keys: [{ key: "i" }],
    enabled: ({ state, atMs }) => clipAt(state.timeline, atMs) !== null,
    perform: ({ store, ui, atMs }) => {
      if (store.getState().actions.addInteraction(atMs)) ui.focusPrompt();
    },
  },
  {
    id: "add-end",
    label: "Add end",
    menuLabel: "End stream here",
    description: "End the stream at the playhead",
    disabledHint: "Move the playhead after a stream's start to end it there",
    keys: [{ key: "e" }],
    enabled: ({ state, atMs }) => clipToEndAt(state.timeline, atMs) !== null,
    perform: ({ store, atMs }) => store.getState().actions.addEnd(atMs),
  },
  {
    id: "play-pause",
    label: "Play or pause",
    description: "Play or pause the preview",
    keys: [{ key: " ", notOnControls: true }],
    enabled: ({ state }) => timelineEndMs(state.timeline) > 0,
    perform: ({ store }) => togglePlayback(store),
  },
  {
    id: "undo",
    label: "Undo",
    keys: [{ key: "z", mod: true }],
    enabled: ({ canUndo }) => canUndo,
    perform: ({ store }) => store.temporal.getState().undo(),
  },
  {
    id: "redo",
    label: "Redo",
    keys: [
      { key: "z", mod: true, shift: true },
      { key: "y", mod: true },
    ],
    enabled: ({ canRedo }) => canRedo,
    perform: ({ store }) => store.temporal.getState().redo(),
  },
  {
    id: "move-playhead",
    label: "Move playhead here",
    perform: ({ store, atMs }) => store.getState().actions.setPlayhead(atMs),
  },
  {
    id: "paste",
    label: "Paste",
    menuLabel: "Paste here",
    description: "Paste at the playhead (an image pastes into the selected start)",
    keys: [{ key: "v", mod: true, native: true }],
    enabled: ({ state }) => state.clipboard !== null,
    perform: ({ store, ui, atMs }) => {
      const { actions } = store.getState();
      actions.paste(null, atMs);
      ui.reveal(store.getState().selection);
    },
  },
  {
    id: "copy",
    label: "Copy",
    description: "Copy the selection",
    keys: [{ key: "c", mod: true, native: true }],
    enabled: hasSelection,
    perform: ({ store }) => {
      const state = store.getState();
      state.actions.copy(liveSelection(state));
    },
  },
  {
    id: "duplicate",
    label: "Duplicate",
    description: "Duplicate the selection",
    keys: [{ key: "d", mod: true }],
    enabled: hasSelection,
    perform: ({ store, ui }) => {
      const state = store.getState();
      state.actions.duplicate(liveSelection(state));
      ui.reveal(store.getState().selection);
    },
  },
  {
    id: "duplicate-stream",
    label: "Duplicate stream",
    description: "Duplicate the selected stream right after itself, later streams moving on",
    disabledHint: "Select a stream, or move the playhead into one, to duplicate it",
    keys: [{ key: "d", mod: true, shift: true }],
    enabled: ({ state, atMs }) => targetClip(state, atMs) !== null,
    perform: ({ store, ui, atMs }) => {
      const clip = targetClip(store.getState(), atMs);
      if (!clip) return;
      const startId = store.getState().actions.duplicateStream(clip.id);
      if (startId) ui.reveal([startId]);
    },
  },
  {
    id: "split",
    label: "Split at playhead",
    menuLabel: "Split here",
    description:
      "Split the stream at the playhead: a new stream from there, with the prompt in force",
    disabledHint: "Move the playhead at least 1 s inside a stream to split it",
    keys: [{ key: "b", mod: true }],
    enabled: ({ state, atMs }) => clipToSplitAt(state.timeline, atMs) !== null,
    perform: ({ store, atMs }) => {
      store.getState().actions.splitAt(atMs);
    },
  },
  {
    id: "delete",
    label: "Delete",
    description: "Delete the selection (a start or an end deletes its stream)",
    keys: [{ key: "Delete" }, { key: "Backspace" }],
    danger: true,
    enabled: hasDeleted,
    perform: ({ store, entryIds }) => removeAndRefocus(store, deleted(store.getState(), entryIds)),
  },
  {
    id: "ripple-delete",
    label: "Ripple delete",
    description: "Delete the selection and close the gap: later streams move back",
    keys: [
      { key: "Delete", shift: true },
      { key: "Backspace", shift: true },
    ],
    danger: true,
    enabled: hasDeleted,
    perform: ({ store, entryIds }) =>
      removeAndRefocus(store, deleted(store.getState(), entryIds), { ripple: true }),
  },
  {
    id: "select-all",
    label: "Select all",
    description: "Select every entry",
    keys: [{ key: "a", mod: true }],
    perform: ({ store }) => {
      const { actions, timeline } = store.getState();
      actions.select(entryIdsInScriptOrder(timeline));
    },
  },
  {
    id: "clear-selection",
    label: "Clear the selection",
    keys: [{ key: "Escape" }],
    enabled: hasSelection,
    perform: ({ store }) => store.getState().actions.select([]),
  },
  {
    id: "nudge-earlier",
    label: "Nudge earlier",
    description:
      "Move the selection earlier by the grid (Shift: 1 s); with nothing selected, the playhead",
    keys: [{ key: "ArrowLeft", shift: "any", notOnControls: true }],
    perform: nudge(-1),
  },
  {
    id: "nudge-later",
    label: "Nudge later",
    description:
      "Move the selection later by the grid (Shift: 1 s); with nothing selected, the playhead",
    keys: [{ key: "ArrowRight", shift: "any", notOnControls: true }],
    perform: nudge(1),
  },
  {
    id: "playhead-start",
    label: "Playhead to the start",
    keys: [{ key: "Home", notOnControls: true }],
    perform: ({ store }) => store.getState().actions.setPlayhead(0),
  },
  {
    id: "playhead-end",
    label: "Playhead to the end",
    keys: [{ key: "End", notOnControls: true }],
    perform: ({ store }) => {
      const { actions, timeline } = store.getState();
      actions.setPlayhead(timelineEndMs(timeline));
    },
  },
  {
    id: "show-shortcuts",
    label: "Keyboard shortcuts",
    description: "Show this list of shortcuts",
    keys: [{ key: "?", shift: "any" }],
    perform: ({ ui }) => ui.showShortcuts(),
  },
] as const satisfies readonly Command[];

export type CommandId = (typeof COMMANDS)[number]["id"];

const BY_ID = new Map<string, Command>(COMMANDS.map((c) => [c.id, c]));

export function getCommand(id: CommandId): Command {
  return BY_ID.get(id) as Command;
}

export function isEnabled(command: Command, env: CommandEnv): boolean {
  return command.enabled ? command.enabled(env) : true;
}

/**
 * Runs a command if it can run now, as every control does (a key, a button, a menu item, a
 * double-click): at `atMs`, or the playhead. Says whether it ran.
 */
export function runCommand(
  id: CommandId,
  {
    store,
    ui,
    atMs,
    shift = false,
    entryIds,
  }: Omit<CommandRun, "atMs" | "shift"> & {
    atMs?: number;
    shift?: boolean;
  },
): boolean {
  const command = getCommand(id);
  const state = store.getState();
  const temporal = store.temporal.getState();
  const at = atMs ?? state.playheadMs;
  const env = {
    state,
    canUndo: temporal.pastStates.length > 0,
    canRedo: temporal.futureStates.length > 0,
    atMs: at,
    entryIds,
  };
  if (!isEnabled(command, env)) return false;
  command.perform({ store, ui, atMs: at, shift, entryIds });
  return true;
}

/** The commands on the editor's toolbar, in groups. */
export const TOOLBAR_GROUPS: readonly (readonly CommandId[])[] = [
  ["add-stream", "add-interaction", "add-end"],
  ["undo", "redo"],
  ["duplicate-stream", "split"],
];

/** The timeline's right-click menu, acting at the pointer's time. */
export const MENU_COMMANDS: readonly CommandId[] = [
  "add-stream",
  "add-interaction",
  "add-end",
  "move-playhead",
  "paste",
  "copy",
  "duplicate",
  "duplicate-stream",
  "split",
  "delete",
  "ripple-delete",
];

/** What the sheet lists beside the commands: gestures that are not commands. */
export const GESTURES: readonly [string, string][] = [
  [
    "Enter",
    "On a focused entry: pick it up, move with ← / →, drop with Enter or Space, Esc cancels",
  ],
  ["Tab", "Move between entries and controls"],
  ["Shift or Ctrl + click", "Add to or take from the selection"],
  ["Double-click", "Add a stream, or an interaction inside a stream, and type its prompt"],
  [
    "Ctrl or ⌘ + wheel, or pinch",
    "Zoom the timeline around the pointer (or Zoom in, Zoom out, Fit)",
  ],
  ["Alt while dragging", "Ripple: shift every later entry too"],
  ["Drag a stream past another", "Reorder the streams"],
];
