// Undo and redo in a prompt field, by key or by the browser's Edit or context menu, run the
// draft's history, not the browser's own text undo (one character per press, and blind to the
// store): the field and the toolbar's Undo then take back the same typing burst.
import { type KeyboardEvent, useCallback } from "react";
import { flushSync } from "react-dom";
import { useDraftStoreApi } from "../store/use-draft-store";
import { historyKey } from "./use-studio-shortcuts";

/**
 * Where the caret goes when a field's text changes from `before` to `after` under it: at the
 * end of what changed, as a text editor's own undo leaves it.
 */
export function caretAfterChange(before: string, after: string): number {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  return after.length - suffix;
}

type PromptField = HTMLTextAreaElement | HTMLInputElement;

/**
 * What a prompt's textarea or input spreads on itself: its undo and redo keys, and the
 * browser's own undo (Edit menu, context menu: `beforeinput` with historyUndo or historyRedo),
 * all run the draft's history.
 */
export function usePromptHistory() {
  const store = useDraftStoreApi();
  const run = useCallback(
    (field: PromptField, command: "undo" | "redo") => {
      const before = field.value;
      // Rendered now, so the caret can be placed in the text the undo left.
      flushSync(() => {
        const history = store.temporal.getState();
        if (command === "undo") history.undo();
        else history.redo();
      });
      // The undo may have removed the entry, and the field with it.
      if (!field.isConnected || field.value === before) return;
      const caret = caretAfterChange(before, field.value);
      field.setSelectionRange(caret, caret);
    },
    [store],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<PromptField>) => {
      const command = historyKey(event);
      if (!command) return;
      event.preventDefault();
      run(event.currentTarget, command);
    },
    [run],
  );
  // React's onBeforeInput is not the native event and carries no inputType.
  const ref = useCallback(
    (field: PromptField | null) => {
      if (!field) return;
      const onBeforeInput = (event: Event) => {
        const { inputType } = event as InputEvent;
        const command =
          inputType === "historyUndo" ? "undo" : inputType === "historyRedo" ? "redo" : null;
        if (!command) return;
        event.preventDefault();
        run(field, command);
      };
      field.addEventListener("beforeinput", onBeforeInput);
      return () => field.removeEventListener("beforeinput", onBeforeInput);
    },
    [run],
  );
  return { onKeyDown, ref };
}
