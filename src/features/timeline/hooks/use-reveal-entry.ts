import { useCallback } from "react";
import { locateEntry } from "../model/operations";
import { useDraftActions, useDraftStoreApi } from "../store/use-draft-store";

/** Selects an entry, brings the playhead to it and focuses it: how a problem points at its entry. */
export function useRevealEntry(): (entryId: string) => void {
  const { select, setPlayhead } = useDraftActions();
  const store = useDraftStoreApi();
  return useCallback(
    (entryId: string) => {
      select([entryId]);
      const ref = locateEntry(store.getState().timeline, entryId);
      if (ref) setPlayhead(ref.timestampMs);
      // After the render that selects it, so the entry is in the DOM and scrolled to.
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(entryId)}"]`)?.focus();
      });
    },
    [select, setPlayhead, store],
  );
}
