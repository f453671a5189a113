// Which draft this tab had open, and whether it was the one editing it, kept in the tab's own
// sessionStorage across a reload: a reload then reopens that draft and, if this tab was its
// editor, claims it back rather than leaving it to a tab that was only following.

export interface TabMemory {
  draftId: string;
  editing: boolean;
}

const KEY = "simulate-studio:tab-draft";

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    // Storage off for this site: a reload opens the last draft, as a new tab would.
    return null;
  }
}

/**
 * What the page that went before this one left, taken once: written only as the page goes
 * (pagehide), so a tab duplicated later copies nothing, and a studio opened later in this
 * document claims nothing it did not hold when the page went.
 */
export function takeTabMemory(storage: Storage | null = sessionStore()): TabMemory | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(KEY);
    storage.removeItem(KEY);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as TabMemory).draftId === "string" &&
      typeof (parsed as TabMemory).editing === "boolean"
    ) {
      return { draftId: (parsed as TabMemory).draftId, editing: (parsed as TabMemory).editing };
    }
  } catch {
    // Unreadable or refused: start as a new tab would.
  }
  return null;
}

export function leaveTabMemory(memory: TabMemory, storage: Storage | null = sessionStore()) {
  try {
    storage?.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Full or refused: the reload opens the last draft, as a new tab would.
  }
}
