// Which copy of a draft a tab shows: a tab that follows another's edits takes a copy only when
// it is strictly newer than what it shows, so a late or repeated notice (storage events can
// come twice, loads can finish out of order) never puts an older draft back on screen.

/** A draft as stored, with the time of the last edit it holds (its version). */
export interface Versioned {
  savedAt: number;
}

/** True when `next` holds an edit newer than the version shown (null: nothing shown yet). */
export function supersedes(next: Versioned, shown: number | null): boolean {
  return Number.isFinite(next.savedAt) && (shown === null || next.savedAt > shown);
}
