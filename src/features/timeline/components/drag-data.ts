// What a draggable on the timeline carries, and the names people and tests find entries by.
import { createContext } from "react";
import { formatSeconds } from "../../../contract/format";
import type { EntryKind } from "../model/timeline";

export interface DragData {
  kind: EntryKind | "clip";
  /** The entry's id, or the clip's id for a clip. */
  id: string;
  /** Where it was when the drag began: the entry's time, or the clip's start. */
  originMs: number;
}

/**
 * The entry a drag is moving. It can differ from the handle dnd-kit picked up: where handles
 * overlap, the drag's direction chooses which of them moves.
 */
export const MovingEntryContext = createContext<string | null>(null);

const NOUN: Record<EntryKind, string> = { start: "start", interact: "interaction", end: "end" };

/** "start at 0.00 s", "interaction at 3.00 s", "end at 9.00 s". */
export function entryLabel(kind: EntryKind, ms: number): string {
  return `${NOUN[kind]} at ${formatSeconds(ms)}`;
}

export function entryNoun(kind: EntryKind): string {
  return NOUN[kind];
}
