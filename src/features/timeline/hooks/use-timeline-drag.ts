// Dragging on the timeline with @dnd-kit, run by the drag layer (timeline-drag-layer.tsx). During
// a drag nothing in the store changes: the ghost in the DragOverlay shows where the entry would
// land (snapped and clamped on every move), and the drop commits one edit. A stream dragged past
// another's middle reorders the streams.
import {
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  KeyboardSensor,
  type KeyboardCoordinateGetter,
  type Modifier,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { getEventCoordinates } from "@dnd-kit/utilities";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { type DragData, dragDataOf, dragSourceOf, type MovingEntry } from "../components/drag-data";
import { entryIdsNear, grabByDirection } from "../model/grab";
import { clipIndexOf, locateEntry, reorderIndexAt } from "../model/operations";
import {
  type ConstrainedTime,
  type DragInput,
  dropEntry,
  dropGroup,
  snapTargets,
} from "../model/snap";
import type { Timeline } from "../model/timeline";
import type { DraftStore } from "../store/draft-store";

export interface DragSession {
  data: DragData;
  /** Several selected entries moving together, or null for one entry or clip. */
  group: string[] | null;
  timeline: Timeline;
  targets: number[];
  pxPerMs: number;
  gridMs: number;
  ripple: boolean;
  byKeyboard: boolean;
  scrollLeftAtStart: number;
  /** How far right of the pressed handle the moving one sits, when the drag's direction chose another. */
  offsetPx: number;
}

/** A press on overlapping handles, waiting for the drag's direction to say which one it holds. */
interface PendingGrab {
  candidates: string[];
  pressedId: string;
  altKey: boolean;
}

/** Where a drag would land if dropped now: a move to a time, or a stream to a new place. */
export type DragOutcome =
  ({ kind: "move" } & ConstrainedTime) | { kind: "reorder"; toIndex: number; ms: number };

export function dragOutcome(session: DragSession, contentDeltaPx: number): DragOutcome {
  const { data, timeline, gridMs, ripple } = session;
  const drag: DragInput = {
    deltaPx: contentDeltaPx,
    pxPerMs: session.pxPerMs,
    byKeyboard: session.byKeyboard,
  };
  if (data.kind === "clip" && !session.group) {
    const ms = data.originMs + contentDeltaPx / session.pxPerMs;
    const toIndex = reorderIndexAt(timeline, data.id, ms);
    if (toIndex !== clipIndexOf(timeline, data.id)) {
      return { kind: "reorder", toIndex, ms: Math.max(0, Math.round(ms)) };
    }
  }
  const result = session.group
    ? dropGroup(timeline, session.group, data.id, drag, { gridMs, ripple })
    : dropEntry(timeline, data.id, drag, { gridMs, ripple, targets: session.targets });
  return { kind: "move", ...result };
}

/** Wider than any two handles that can overlap are apart (a handle is at most 14 px wide). */
const OVERLAP_PX = 16;

/**
 * The ids of the entry handles under the point where `event` happened, inside `container`, of
 * those near the pressed entry in time. Only those are asked for their boxes: a hit test of the
 * whole page (`elementsFromPoint`) walked 5,000 layout objects, 8 ms of the pick-up at Fit.
 */
function entriesUnder(
  event: Event | null,
  container: HTMLElement | null,
  nearIds: readonly string[],
): string[] {
  const point = event ? getEventCoordinates(event) : null;
  if (!point || !container || nearIds.length === 0) return [];
  const selector = nearIds.map((id) => `[data-entry-id="${CSS.escape(id)}"]`).join(",");
  const ids: string[] = [];
  for (const handle of container.querySelectorAll<HTMLElement>(selector)) {
    const box = handle.getBoundingClientRect();
    const inside =
      point.x >= box.left && point.x < box.right && point.y >= box.top && point.y < box.bottom;
    if (inside && handle.dataset.entryId) ids.push(handle.dataset.entryId);
  }
  return ids;
}

function handleLeft(container: HTMLElement | null, id: string): number {
  const handle = container?.querySelector(`[data-entry-id="${CSS.escape(id)}"]`);
  return handle?.getBoundingClientRect().left ?? 0;
}

// Constants, so the sensors (and the track's listeners made from them) stay the same objects
// across the layer's renders, and the track is not re-rendered at each pick-up.
const MOUSE_OPTIONS = { activationConstraint: { distance: 4 } };
const TOUCH_OPTIONS = { activationConstraint: { delay: 180, tolerance: 6 } };

function useTimelineSensors(store: DraftStore) {
  const keyboardOptions = useMemo(() => {
    const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
      const { gridMs, pxPerSecond } = store.getState();
      const stepPx = ((event.shiftKey ? 1000 : gridMs || 100) * pxPerSecond) / 1000;
      if (event.code === "ArrowRight")
        return { ...currentCoordinates, x: currentCoordinates.x + stepPx };
      if (event.code === "ArrowLeft")
        return { ...currentCoordinates, x: currentCoordinates.x - stepPx };
      return undefined;
    };
    // Space stays free for playing the preview; Enter picks up and drops.
    return {
      coordinateGetter,
      keyboardCodes: { start: ["Enter"], cancel: ["Escape"], end: ["Enter", "Space"] },
    };
  }, [store]);
  return useSensors(
    useSensor(MouseSensor, MOUSE_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );
}

export function useTimelineDrag(
  store: DraftStore,
  scrollRef: RefObject<HTMLDivElement | null>,
  moving: MovingEntry,
) {
  const sessionRef = useRef<DragSession | null>(null);
  const pendingRef = useRef<PendingGrab | null>(null);
  const [dragging, setDragging] = useState<DragData | null>(null);
  const [byPointer, setByPointer] = useState(false);
  const sensors = useTimelineSensors(store);

  // Alt can be pressed or released mid-drag to turn ripple on or off.
  useEffect(() => {
    if (!dragging) return;
    const update = (event: KeyboardEvent | PointerEvent) => {
      const session = sessionRef.current;
      if (session) session.ripple = store.getState().ripple || event.altKey;
    };
    window.addEventListener("keydown", update);
    window.addEventListener("keyup", update);
    window.addEventListener("pointermove", update);
    return () => {
      window.removeEventListener("keydown", update);
      window.removeEventListener("keyup", update);
      window.removeEventListener("pointermove", update);
    };
  }, [dragging, store]);

  const overlayModifiers = useMemo<Modifier[]>(
    () => [
      ({ transform }) => {
        const session = sessionRef.current;
        if (!session) return transform;
        const scrollDelta = (scrollRef.current?.scrollLeft ?? 0) - session.scrollLeftAtStart;
        const result = dragOutcome(session, transform.x + scrollDelta);
        return {
          ...transform,
          x: (result.ms - session.data.originMs) * session.pxPerMs - scrollDelta + session.offsetPx,
          y: 0,
        };
      },
    ],
    [scrollRef],
  );

  function beginSession(
    data: DragData,
    drag: { altKey: boolean; byKeyboard: boolean; offsetPx: number },
  ) {
    const state = store.getState();
    const inSelection = state.selection.includes(data.id);
    if (!inSelection) state.actions.select([data.id]);
    const group = inSelection && state.selection.length > 1 ? state.selection : null;
    sessionRef.current = {
      data,
      group,
      timeline: state.timeline,
      targets: snapTargets(state.timeline, new Set(group ?? [data.id]), [state.playheadMs]),
      pxPerMs: state.pxPerSecond / 1000,
      gridMs: state.gridMs,
      ripple: state.ripple || drag.altKey,
      byKeyboard: drag.byKeyboard,
      scrollLeftAtStart: scrollRef.current?.scrollLeft ?? 0,
      offsetPx: drag.offsetPx,
    };
    setDragging(data);
    setByPointer(!drag.byKeyboard);
    moving.set(data.id);
  }

  function onDragStart(event: DragStartEvent) {
    // The track is the one draggable (see TimelineTrack): what moves is what the pick-up was on.
    const activator = event.activatorEvent;
    const source = dragSourceOf(activator?.target);
    const data = source && dragDataOf(source, store.getState().timeline);
    if (!data) return;
    const byKeyboard = activator instanceof KeyboardEvent;
    const altKey = Boolean((activator as Partial<MouseEvent> | null)?.altKey);
    store.getState().actions.setDragging(true);
    // Where handles overlap, the press stands for all of them until the drag shows its direction.
    const { timeline, pxPerSecond } = store.getState();
    const candidates =
      byKeyboard || data.kind === "clip"
        ? []
        : entriesUnder(
            activator,
            scrollRef.current,
            entryIdsNear(timeline, data.originMs, (OVERLAP_PX * 1000) / pxPerSecond),
          );
    if (candidates.length > 1 && candidates.includes(data.id)) {
      pendingRef.current = { candidates, pressedId: data.id, altKey };
      return;
    }
    beginSession(data, { altKey, byKeyboard, offsetPx: 0 });
  }

  function onDragMove(event: DragMoveEvent) {
    const pending = pendingRef.current;
    if (!pending) return;
    const { timeline } = store.getState();
    const id = grabByDirection(timeline, pending.candidates, event.delta.x);
    const entry = id === null ? null : locateEntry(timeline, id);
    if (!id || !entry) return;
    pendingRef.current = null;
    const container = scrollRef.current;
    beginSession(
      { kind: entry.kind, id, originMs: entry.timestampMs },
      {
        altKey: pending.altKey,
        byKeyboard: false,
        offsetPx: handleLeft(container, id) - handleLeft(container, pending.pressedId),
      },
    );
  }

  function finish() {
    const session = sessionRef.current;
    sessionRef.current = null;
    pendingRef.current = null;
    setDragging(null);
    setByPointer(false);
    moving.set(null);
    store.getState().actions.setDragging(false);
    return session;
  }

  function onDragEnd(event: DragEndEvent) {
    const session = finish();
    if (!session) return;
    const { actions } = store.getState();
    const result = dragOutcome(session, event.delta.x);
    if (result.kind === "reorder") {
      actions.reorderStream(session.data.id, result.toIndex);
      return;
    }
    if (result.ms === session.data.originMs) return;
    if (session.group) {
      actions.moveEntries(session.group, result.ms - session.data.originMs, {
        ripple: session.ripple,
      });
    } else {
      actions.moveEntry(session.data.id, result.ms, { ripple: session.ripple });
    }
  }

  return {
    sensors,
    dragging,
    /** A mouse or touch drag is under way (not one by keyboard). */
    pointerDragging: dragging !== null && byPointer,
    sessionRef,
    overlayModifiers,
    handlers: { onDragStart, onDragMove, onDragEnd, onDragCancel: () => void finish() },
  };
}
