// What a draggable on the timeline carries, and the names people and tests find entries by.
import { createContext, use, useSyncExternalStore } from "react";
import { formatSeconds } from "../../../contract/format";
import { locateEntry } from "../model/operations";
import type { EntryKind, Timeline } from "../model/timeline";

export interface DragData {
  kind: EntryKind | "clip";
  /** The entry's id, or the clip's id for a clip. */
  id: string;
  /** Where it was when the drag began: the entry's time, or the clip's start. */
  originMs: number;
}

/**
 * The entry a drag is moving, for its handle to fade. It can differ from the handle dnd-kit
 * picked up: where handles overlap, the drag's direction chooses which of them moves. Each
 * handle subscribes for itself, so a pick-up re-renders the one that fades, not all 1,250.
 */
export interface MovingEntry {
  set(id: string | null): void;
  subscribe(listener: () => void): () => void;
  get(): string | null;
}

export function createMovingEntry(): MovingEntry {
  let current: string | null = null;
  const listeners = new Set<() => void>();
  return {
    set(id) {
      if (id === current) return;
      current = id;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => current,
  };
}

/**
 * What every entry on the track shares for dragging. The track is dnd-kit's one draggable (see
 * TimelineTrack): the entries carry its description for screen readers and the moving entry.
 */
export interface TrackDrag {
  moving: MovingEntry;
  /** dnd-kit's instructions ("Press Enter to pick up..."), for aria-describedby. */
  describedBy: string | undefined;
}

export const TrackDragContext = createContext<TrackDrag>({
  moving: createMovingEntry(),
  describedBy: undefined,
});

export function useIsMoving(id: string): boolean {
  const { moving } = use(TrackDragContext);
  return useSyncExternalStore(moving.subscribe, () => moving.get() === id);
}

/** The attributes that make an element on the track a thing to pick up and drag. */
export function useDragSource(): {
  "aria-roledescription": string;
  "aria-describedby": string | undefined;
} {
  const { describedBy } = use(TrackDragContext);
  return { "aria-roledescription": "draggable", "aria-describedby": describedBy };
}

const NOUN: Record<EntryKind, string> = { start: "start", interact: "interaction", end: "end" };

/** "start at 0.00 s", "interaction at 3.00 s", "end at 9.00 s". */
export function entryLabel(kind: EntryKind, ms: number): string {
  return `${NOUN[kind]} at ${formatSeconds(ms)}`;
}

export function entryNoun(kind: EntryKind): string {
  return NOUN[kind];
}

/** Where a press or a key on the track picks something up: an entry's handle or a clip's body. */
const DRAG_SOURCE = "[data-entry-id], [data-clip-body]";

/** The entry handle or clip body an event happened on, if any. */
export function dragSourceOf(target: EventTarget | null | undefined): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(DRAG_SOURCE) : null;
}

/** What a drag from `source` carries, from the timeline as it is at the pick-up. */
export function dragDataOf(source: HTMLElement, timeline: Timeline): DragData | null {
  const clipId = source.dataset.clipBody;
  if (clipId !== undefined) {
    const clip = timeline.clips.find((c) => c.id === clipId);
    return clip ? { kind: "clip", id: clip.id, originMs: clip.start.timestampMs } : null;
  }
  const entryId = source.dataset.entryId;
  const entry = entryId === undefined ? null : locateEntry(timeline, entryId);
  return entryId !== undefined && entry
    ? { kind: entry.kind, id: entryId, originMs: entry.timestampMs }
    : null;
}
