import { loadEntryFields } from "./studio-chunks";

export const PROMPT_FIELD_ID = "inspector-prompt";

/** Moves focus to the inspector's prompt once it shows the entry just added. */
export function focusPromptSoon() {
  const focus = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => document.getElementById(PROMPT_FIELD_ID)?.focus()),
    );
  // The prompt is in the inspector's later chunk: if an entry is added before it arrived, the
  // field shows (and takes focus) once it has.
  loadEntryFields().then(focus, focus);
}

/**
 * Scrolls the timeline to the first of these entries once React has mounted it (selected clips
 * stay mounted however far away they are), so a paste or a duplicate never lands off screen.
 */
export function revealSoon(ids: readonly string[]) {
  const id = ids[0];
  if (!id) return;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const handle = document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"]`);
      // jsdom has no scrollIntoView.
      handle?.scrollIntoView?.({ block: "nearest", inline: "center" });
    }),
  );
}
