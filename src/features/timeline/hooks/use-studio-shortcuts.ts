// The editor's keyboard: every key runs a command of the registry, on the window but never
// stealing keys from text fields, buttons (Space, Enter) or a keyboard drag in progress; copy
// and paste use the native events so the system clipboard and pasted images work.
import { useEffect } from "react";
import { matchesBinding } from "../commands/keys";
import {
  COMMANDS,
  type Command,
  type CommandId,
  type CommandUi,
  runCommand,
} from "../commands/registry";
import { type DraftStore, liveSelection } from "../store/draft-store";

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "range", "file"].includes(target.type);
  }
  return false;
}

function isNativeControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest("button, a[href], summary, [role='menuitem'], [role='slider']") !== null
  );
}

type KeyEventLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** The command a key press stands for, whether or not it can run now. */
export function commandForKey(event: KeyEventLike, onControl = false): Command | null {
  for (const command of COMMANDS as readonly Command[]) {
    const binding = command.keys?.find((b) => matchesBinding(b, event));
    if (binding && !(binding.notOnControls && onControl)) return command;
  }
  return null;
}

/** Ctrl/⌘+Z undoes; Ctrl/⌘+Shift+Z and Ctrl/⌘+Y redo: the registry's keys, for text fields. */
export function historyKey(event: KeyEventLike): "undo" | "redo" | null {
  const id = commandForKey(event)?.id;
  return id === "undo" || id === "redo" ? id : null;
}

export interface ShortcutHandlers {
  /** The studio's, as its toolbar and menu use it: "?" opens the same sheet as the button. */
  ui: CommandUi;
  onImagePaste(startId: string, file: File): void;
}

export function useStudioShortcuts(store: DraftStore, handlers: ShortcutHandlers) {
  useEffect(() => {
    const perform = (id: CommandId, shift = false) =>
      runCommand(id, { store, ui: handlers.ui, shift });

    const onKeyDown = (event: KeyboardEvent) => {
      // During a drag, the keys belong to dnd-kit's keyboard sensor.
      if (event.defaultPrevented || store.getState().dragging) return;
      if (document.querySelector("dialog[open]")) return;
      if (isTextField(event.target)) return;
      const command = commandForKey(event, isNativeControl(event.target));
      if (!command) return;
      // A key whose command cannot run now is left to the page (Delete with nothing selected).
      if (perform(command.id as CommandId, event.shiftKey)) event.preventDefault();
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isTextField(event.target) || window.getSelection()?.toString()) return;
      const state = store.getState();
      const selection = liveSelection(state);
      if (selection.length === 0) return;
      perform("copy");
      const content = store.getState().clipboard;
      event.clipboardData?.setData("application/x-simulate-entries", JSON.stringify(content));
      event.clipboardData?.setData("text/plain", JSON.stringify(content, null, 2));
      event.preventDefault();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target) || event.defaultPrevented) return;
      const state = store.getState();
      const selection = liveSelection(state);
      const image = [...(event.clipboardData?.files ?? [])][0];
      const startId = selection.length === 1 ? selection[0] : undefined;
      if (image && startId && state.timeline.clips.some((c) => c.start.id === startId)) {
        event.preventDefault();
        handlers.onImagePaste(startId, image);
        return;
      }
      if (perform("paste")) event.preventDefault();
    };

    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [store, handlers]);
}
