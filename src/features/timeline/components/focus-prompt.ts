export const PROMPT_FIELD_ID = "inspector-prompt";

/** Moves focus to the inspector's prompt once it shows the entry just added. */
export function focusPromptSoon() {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => document.getElementById(PROMPT_FIELD_ID)?.focus()),
  );
}
