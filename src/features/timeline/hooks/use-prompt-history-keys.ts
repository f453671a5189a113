// Undo and redo keys in a prompt field run the draft's history, not the browser's own text undo
// (one character per press, and blind to the store): the field and the toolbar's Undo then take
// back the same typing burst.
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

/** The keydown handler for a prompt's textarea or input. */
export function usePromptHistoryKeys() {
  const store = useDraftStoreApi();
  return useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
      const command = historyKey(event);
      if (!command) return;
      event.preventDefault();
      const field = event.currentTarget;
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
}
