// The editor's keyboard shortcuts, on the window but never stealing keys from text fields,
// buttons (Space, Enter) or a keyboard drag in progress; copy and paste use the native events
// so the system clipboard and pasted images work.
import { useEffect } from "react";
import { entryIdsInScriptOrder } from "../model/timeline";
import { timelineEndMs } from "../model/operations";
import { type DraftStore, liveSelection } from "../store/draft-store";
import { removeAndRefocus } from "../components/remove-and-refocus";

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

/** Ctrl/⌘+Z undoes; Ctrl/⌘+Shift+Z and Ctrl/⌘+Y redo. */
export function historyKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
): "undo" | "redo" | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y") return "redo";
  return null;
}

export interface ShortcutHandlers {
  onShowShortcuts(): void;
  onImagePaste(startId: string, file: File): void;
}

export function useStudioShortcuts(store: DraftStore, handlers: ShortcutHandlers) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // During a drag, the keys belong to dnd-kit's keyboard sensor.
      if (event.defaultPrevented || store.getState().dragging) return;
      if (document.querySelector("dialog[open]")) return;
      if (isTextField(event.target)) return;
      const state = store.getState();
      const { actions } = state;
      const temporal = store.temporal.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const selection = liveSelection(state);
      const run = (fn: () => void) => {
        event.preventDefault();
        fn();
      };

      const history = historyKey(event);
      if (history) return run(() => (history === "undo" ? temporal.undo() : temporal.redo()));
      if (mod && key === "d") return run(() => actions.duplicate(selection));
      if (mod && key === "a")
        return run(() => actions.select(entryIdsInScriptOrder(state.timeline)));
      if (mod || event.altKey) return;

      if (key === "?") return run(handlers.onShowShortcuts);
      if ((key === "Delete" || key === "Backspace") && selection.length > 0) {
        return run(() => removeAndRefocus(store, selection));
      }
      if (key === "Escape" && selection.length > 0) return run(() => actions.select([]));
      if (key === "Home" && !isNativeControl(event.target))
        return run(() => actions.setPlayhead(0));
      if (key === "End" && !isNativeControl(event.target)) {
        return run(() => actions.setPlayhead(timelineEndMs(state.timeline)));
      }
      if (key === " " && !isNativeControl(event.target)) {
        return run(() => {
          const endMs = timelineEndMs(state.timeline);
          if (!state.playing && state.playheadMs >= endMs) actions.setPlayhead(0);
          actions.setPlaying(!state.playing && endMs > 0);
        });
      }
      if ((key === "ArrowLeft" || key === "ArrowRight") && !isNativeControl(event.target)) {
        const step = event.shiftKey ? 1000 : state.gridMs || 100;
        const delta = key === "ArrowLeft" ? -step : step;
        return run(() => {
          if (selection.length > 0) actions.nudgeSelection(delta);
          else actions.setPlayhead(state.playheadMs + delta);
        });
      }
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isTextField(event.target) || window.getSelection()?.toString()) return;
      const state = store.getState();
      const selection = liveSelection(state);
      if (selection.length === 0) return;
      const content = state.actions.copy(selection);
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
      if (state.clipboard) {
        event.preventDefault();
        state.actions.paste();
      }
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
