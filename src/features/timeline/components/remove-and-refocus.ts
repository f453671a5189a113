// Deleting the focused entry would leave keyboard focus on the page body, and a keyboard user
// back at the top of the page; the neighbour in time takes over the selection and the focus.
import { neighbourAfterRemoval } from "../model/operations";
import type { DraftStore } from "../store/draft-store";

const TIMELINE = 'section[aria-label="Timeline"]';
const ENTRIES = 'section[aria-label="Entries"]';

export function removeAndRefocus(
  store: DraftStore,
  ids: readonly string[],
  options: { ripple?: boolean } = {},
) {
  const before = store.getState().timeline;
  const { actions } = store.getState();
  if (options.ripple) actions.rippleDelete(ids);
  else actions.remove(ids);
  const after = store.getState().timeline;
  if (after === before) return;
  const neighbour = neighbourAfterRemoval(before, after);
  // Selected clips stay mounted however far the timeline is scrolled, so the neighbour has
  // an element to focus.
  if (neighbour) actions.select([neighbour]);
  // Wait for React to take the removed entry out and mount the neighbour.
  requestAnimationFrame(() => {
    // Focus that survived the removal (a button that stays in the inspector) stays put.
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest(`${TIMELINE}, ${ENTRIES}`)) return;
    // The neighbour's clip on the timeline, or in the list view (where no timeline shows) its
    // row's Delete, so deleting row after row stays on the keyboard.
    const target =
      (neighbour &&
        (document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(neighbour)}"]`) ??
          document.querySelector<HTMLElement>(`[data-row-delete="${CSS.escape(neighbour)}"]`))) ||
      document.querySelector<HTMLElement>(TIMELINE) ||
      document.querySelector<HTMLElement>(ENTRIES);
    target?.focus();
  });
}
