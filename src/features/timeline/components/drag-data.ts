// What a draggable on the timeline carries, and the names people and tests find entries by.
import { createContext, type SyntheticEvent, use, useSyncExternalStore } from "react";
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

/** A value held outside React's state, which each component that shows it subscribes to alone. */
export interface Cell<T> {
  set(value: T): void;
  subscribe(listener: () => void): () => void;
  get(): T;
}

export function createCell<T>(initial: T): Cell<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    set(value) {
      if (value === current) return;
      current = value;
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
 * The entry a drag is moving, for its handle to fade. It can differ from the handle dnd-kit
 * picked up: where handles overlap, the drag's direction chooses which of them moves. Each
 * handle subscribes for itself, so a pick-up re-renders the one that fades, not all 1,250.
 */
export type MovingEntry = Cell<string | null>;

/** dnd-kit's activators for the track's one draggable (see TimelineTrack). */
export interface TrackDraggable {
  /** onMouseDown, onTouchStart and onKeyDown: a press or a key there may start a drag. */
  listeners: Readonly<Record<string, (event: SyntheticEvent) => void>>;
  /** Makes the handle or body pressed the draggable's node, before its listener runs. */
  setNodeRef(element: HTMLElement | null): void;
}

/**
 * What the timeline shares with its drag layer (timeline-drag-layer.tsx), which brings dnd-kit
 * when the browser is first idle: the track and its entries import no dnd-kit, and draw the
 * same before it arrives. The layer fills in the draggable once it is up; until then a press
 * on an entry only selects it.
 */
export interface DragLink {
  moving: MovingEntry;
  draggable: Cell<TrackDraggable | null>;
}

export function createDragLink(): DragLink {
  return { moving: createCell<string | null>(null), draggable: createCell(null) };
}

/**
 * What a screen reader is told of every entry on the track. The timeline keeps its own copy, not
 * dnd-kit's, so the entries are described from the first paint and nothing re-renders them when
 * the drag layer arrives.
 */
export const DRAG_INSTRUCTIONS =
  "Press Enter to pick up. Left and right arrows move it by the grid, with Shift by a second. Enter or Space drops it, Escape cancels.";

/**
 * What every entry on the track shares for dragging. The track is dnd-kit's one draggable (see
 * TimelineTrack): the entries carry its description for screen readers and the moving entry.
 */
export interface TrackDrag {
  moving: MovingEntry;
  /** The id of the drag instructions (DRAG_INSTRUCTIONS), for aria-describedby. */
  describedBy: string | undefined;
}

export const TrackDragContext = createContext<TrackDrag>({
  moving: createCell<string | null>(null),
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
