// The timeline: ruler, playhead and the track of clips, with dragging by @dnd-kit. During a
// drag nothing in the store changes: the ghost in the DragOverlay shows where the entry would
// land (snapped and clamped on every move), and the drop commits one edit.
import {
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  type KeyboardCoordinateGetter,
  type Modifier,
  MouseSensor,
  TouchSensor,
  useDndMonitor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { getEventCoordinates } from "@dnd-kit/utilities";
import {
  type MouseEvent as ReactMouseEvent,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { formatSeconds } from "../../../contract/format";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { grabByDirection } from "../model/grab";
import { clipAt, locateEntry, timelineEndMs } from "../model/operations";
import {
  type ConstrainedTime,
  type DragInput,
  dropEntry,
  dropGroup,
  snapTargets,
  snapToGrid,
} from "../model/snap";
import type { Clip, Timeline } from "../model/timeline";
import { useShallow } from "zustand/react/shallow";
import { useVisibleRange } from "../hooks/use-visible-range";
import type { DraftStore } from "../store/draft-store";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { TimelineContextMenu, type ContextMenuState } from "./timeline-context-menu";
import { TimelineClip } from "./timeline-clip";
import { type DragData, entryLabel, MovingEntryContext } from "./drag-data";
import { TimelineRuler } from "./timeline-ruler";
import { TimelinePlayhead } from "./timeline-playhead";
import { TimelineZoomBar } from "./timeline-zoom-bar";

const TRACK_HEIGHT = 112;

interface DragSession {
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

function computeDrop(session: DragSession, contentDeltaPx: number): ConstrainedTime {
  const { data, timeline, gridMs, ripple } = session;
  const drag: DragInput = {
    deltaPx: contentDeltaPx,
    pxPerMs: session.pxPerMs,
    byKeyboard: session.byKeyboard,
  };
  if (session.group) return dropGroup(timeline, session.group, data.id, drag, { gridMs, ripple });
  return dropEntry(timeline, data.id, drag, { gridMs, ripple, targets: session.targets });
}

/** The ids of the entry handles under the point where `event` happened, inside `container`. */
function entriesUnder(event: Event | null, container: HTMLElement | null): string[] {
  const point = event ? getEventCoordinates(event) : null;
  if (!point || !container) return [];
  const ids = new Set<string>();
  for (const element of document.elementsFromPoint(point.x, point.y)) {
    const handle = element.closest<HTMLElement>("[data-entry-id]");
    const id = handle?.dataset.entryId;
    if (handle && id && container.contains(handle)) ids.add(id);
  }
  return [...ids];
}

function handleLeft(container: HTMLElement | null, id: string): number {
  const handle = container?.querySelector(`[data-entry-id="${CSS.escape(id)}"]`);
  return handle?.getBoundingClientRect().left ?? 0;
}

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
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 6 } }),
    useSensor(KeyboardSensor, keyboardOptions),
  );
}

export function TimelineView() {
  const store = useDraftStoreApi();
  const actions = useDraftActions();
  const clips = useDraftStore((s) => s.timeline.clips);
  const pxPerSecond = useDraftStore((s) => s.pxPerSecond);
  const pxPerMs = pxPerSecond / 1000;
  const { issuesByClip } = useTimelineCheck();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<DragSession | null>(null);
  const pendingRef = useRef<PendingGrab | null>(null);
  const [dragging, setDragging] = useState<DragData | null>(null);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  const sensors = useTimelineSensors(store);

  const endMs = clips.at(-1)?.end.timestampMs ?? 0;
  const selectedClipIds = useDraftStore(
    useShallow((s) => selectedClips(s.timeline.clips, s.selection)),
  );
  const { left, width } = useVisibleRange(scrollRef);
  const shown = visibleClips(clips, left, width, pxPerMs, selectedClipIds);
  const widthMs = Math.max(endMs + 15_000, 30_000);

  useZoomGestures(scrollRef, store);

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
        const result = computeDrop(session, transform.x + scrollDelta);
        return {
          ...transform,
          x: (result.ms - session.data.originMs) * session.pxPerMs - scrollDelta + session.offsetPx,
          y: 0,
        };
      },
    ],
    [],
  );

  function beginSession(
    data: DragData,
    drag: { altKey: boolean; byKeyboard: boolean; offsetPx: number },
  ) {
    const state = store.getState();
    const selectId = data.id;
    const inSelection = state.selection.includes(selectId);
    if (!inSelection) actions.select([selectId]);
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
  }

  function onDragStart(event: DragStartEvent) {
    const data = event.active.data.current as DragData | undefined;
    if (!data) return;
    const activator = event.activatorEvent;
    const byKeyboard = activator instanceof KeyboardEvent;
    const altKey = Boolean((activator as Partial<MouseEvent> | null)?.altKey);
    actions.setDragging(true);
    // Where handles overlap, the press stands for all of them until the drag shows its direction.
    const candidates =
      byKeyboard || data.kind === "clip" ? [] : entriesUnder(activator, scrollRef.current);
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

  function onDragEnd(event: DragEndEvent) {
    const session = sessionRef.current;
    sessionRef.current = null;
    pendingRef.current = null;
    setDragging(null);
    actions.setDragging(false);
    if (!session) return;
    const result = computeDrop(session, event.delta.x);
    if (result.ms === session.data.originMs) return;
    if (session.group) {
      actions.moveEntries(session.group, result.ms - session.data.originMs, {
        ripple: session.ripple,
      });
    } else {
      actions.moveEntry(session.data.id, result.ms, { ripple: session.ripple });
    }
  }

  function onDragCancel() {
    sessionRef.current = null;
    pendingRef.current = null;
    setDragging(null);
    actions.setDragging(false);
  }

  function timeAt(event: ReactMouseEvent): number {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.max(0, (event.clientX - rect.left) / pxPerMs);
  }

  function onTrackDoubleClick(event: ReactMouseEvent<HTMLDivElement>) {
    if ((event.target as HTMLElement).closest("[data-entry-id]")) return;
    const { gridMs, timeline } = store.getState();
    const ms = snapToGrid(timeAt(event), gridMs);
    if (clipAt(timeline, ms)) actions.addInteraction(ms);
    else actions.addStream(ms);
  }

  function onTrackClick(event: ReactMouseEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    actions.select([]);
    actions.setPlayhead(snapToGrid(timeAt(event), store.getState().gridMs));
  }

  function onContextMenu(event: ReactMouseEvent<HTMLDivElement>) {
    event.preventDefault();
    const entry = (event.target as HTMLElement).closest<HTMLElement>("[data-entry-id]");
    const entryId = entry?.dataset.entryId;
    if (entryId && !store.getState().selection.includes(entryId)) actions.select([entryId]);
    const clipEl = (event.target as HTMLElement).closest<HTMLElement>("[data-clip]");
    if (!entryId && clipEl) {
      const clip = store.getState().timeline.clips.find((c) => c.id === clipEl.dataset.clip);
      if (clip && !store.getState().selection.includes(clip.start.id))
        actions.select([clip.start.id]);
    }
    setMenu({
      x: event.clientX,
      y: event.clientY,
      ms: snapToGrid(timeAt(event), store.getState().gridMs),
    });
  }

  return (
    <section
      aria-label="Timeline"
      // Where focus goes when a deletion leaves no entry to take it.
      tabIndex={-1}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TimelineZoomBar scrollRef={scrollRef} />
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragMove={onDragMove}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        autoScroll={{ threshold: { x: 0.08, y: 0 }, acceleration: 8 }}
        accessibility={{
          screenReaderInstructions: {
            draggable:
              "Press Enter to pick up. Left and right arrows move it by the grid, with Shift by a second. Enter or Space drops it, Escape cancels.",
          },
          announcements: {
            onDragStart: () => "Picked up. Use the arrows to move it.",
            onDragMove: () => undefined,
            onDragOver: () => undefined,
            onDragEnd: () => "Dropped.",
            onDragCancel: () => "Cancelled: it is back where it was.",
          },
        }}
      >
        <div
          ref={scrollRef}
          className="relative overflow-x-auto overflow-y-hidden overscroll-x-contain"
          style={{ touchAction: "pan-x pan-y" }}
        >
          <div className="relative" style={{ width: widthMs * pxPerMs + 48 }}>
            <TimelineRuler pxPerMs={pxPerMs} widthMs={widthMs} scrollRef={scrollRef} />
            {/* The track's mouse handlers are shortcuts: every action has a toolbar button and a key. */}
            {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions, jsx-a11y/click-events-have-key-events */}
            <div
              className="relative border-t border-zinc-200 bg-[repeating-linear-gradient(90deg,transparent_0,transparent_calc(var(--tick)-1px),var(--grid-line)_calc(var(--tick)-1px),var(--grid-line)_var(--tick))] [--grid-line:rgb(0_0_0/0.04)] dark:border-zinc-800 dark:[--grid-line:rgb(255_255_255/0.04)]"
              style={{
                height: TRACK_HEIGHT,
                ["--tick" as string]: `${Math.max(8, pxPerSecond)}px`,
              }}
              onDoubleClick={onTrackDoubleClick}
              onClick={onTrackClick}
              onContextMenu={onContextMenu}
            >
              <MovingEntryContext value={dragging?.id ?? null}>
                {shown.map(({ clip, index }) => (
                  <TimelineClip
                    key={clip.id}
                    clip={clip}
                    index={index}
                    pxPerMs={pxPerMs}
                    issues={issuesByClip.get(clip.id) ?? ""}
                  />
                ))}
              </MovingEntryContext>
              {clips.length === 0 ? (
                <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-500">
                  Double-click here or press “Add stream” to begin a stream.
                </p>
              ) : null}
            </div>
            <TimelinePlayhead pxPerMs={pxPerMs} scrollRef={scrollRef} />
          </div>
        </div>
        <DragOverlay dropAnimation={null} modifiers={overlayModifiers}>
          {dragging ? <DragGhost data={dragging} sessionRef={sessionRef} /> : null}
        </DragOverlay>
      </DndContext>
      {menu ? <TimelineContextMenu state={menu} onClose={() => setMenu(null)} /> : null}
      <p className="border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        Drag to move · drag an edge to resize · hold <kbd className="font-sans">Alt</kbd> to ripple
        · double-click to add · right-click for more · <kbd className="font-sans">?</kbd> for
        shortcuts
      </p>
      <span className="sr-only" aria-live="polite">
        {clips.length === 0
          ? ""
          : `${clips.length} streams, ending at ${formatSeconds(timelineEndMs({ portrait: false, clips }))}`}
      </span>
    </section>
  );
}

/** Clip ids of the selected entries, so they stay mounted (and focusable) when scrolled away. */
function selectedClips(clips: readonly Clip[], selection: readonly string[]): string[] {
  if (selection.length === 0) return [];
  const wanted = new Set(selection);
  return clips
    .filter(
      (c) =>
        wanted.has(c.id) ||
        wanted.has(c.start.id) ||
        wanted.has(c.end.id) ||
        c.interactions.some((i) => wanted.has(i.id)),
    )
    .map((c) => c.id);
}

/**
 * The clips to mount: those within a few screen widths of the visible part, plus the selected
 * ones. A long script keeps a few dozen clips in the DOM, so starting or ending a drag (which
 * re-renders every draggable) stays well inside a frame. The range moves in whole-screen steps
 * so scrolling does not re-render on every frame.
 */
function visibleClips(
  clips: readonly Clip[],
  leftPx: number,
  widthPx: number,
  pxPerMs: number,
  keep: readonly string[],
): { clip: Clip; index: number }[] {
  const step = Math.max(widthPx, 400);
  const fromMs = ((Math.floor(leftPx / step) - 2) * step) / pxPerMs;
  const toMs = ((Math.floor(leftPx / step) + 4) * step) / pxPerMs;
  let lo = 0;
  let hi = clips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((clips[mid] as Clip).end.timestampMs < fromMs) lo = mid + 1;
    else hi = mid;
  }
  const shown: { clip: Clip; index: number }[] = [];
  const kept = new Set(keep);
  for (let index = 0; index < clips.length; index++) {
    const clip = clips[index] as Clip;
    const inRange = index >= lo && clip.start.timestampMs <= toMs;
    if (inRange || kept.has(clip.id)) shown.push({ clip, index });
    if (!inRange && index >= lo && kept.size === 0) break;
  }
  return shown;
}

/** What is being dragged, at the time it would land, re-rendered on every move by itself. */
function DragGhost({
  data,
  sessionRef,
}: {
  data: DragData;
  sessionRef: RefObject<DragSession | null>;
}) {
  const [result, setResult] = useState<ConstrainedTime>({
    ms: data.originMs,
    snappedTo: null,
    clamped: false,
  });
  useDndMonitor({
    onDragMove(event) {
      const session = sessionRef.current;
      if (!session) return;
      const next = computeDrop(session, event.delta.x);
      setResult((prev) =>
        prev.ms === next.ms && prev.snappedTo === next.snappedTo && prev.clamped === next.clamped
          ? prev
          : next,
      );
    },
  });
  const label =
    data.kind === "clip"
      ? `stream at ${formatSeconds(result.ms)}`
      : entryLabel(data.kind, result.ms);
  return (
    <div className="pointer-events-none relative h-full w-full">
      <div
        className={[
          "h-full w-full rounded-lg border-2",
          data.kind === "clip"
            ? "border-accent-500 bg-accent-500/20"
            : data.kind === "interact"
              ? "border-amber-500 bg-amber-500/30"
              : "border-accent-600 bg-accent-500/40",
        ].join(" ")}
      />
      <div className="absolute -top-8 left-0 flex -translate-x-1/2 items-center gap-1 rounded-md bg-zinc-900 px-2 py-1 text-xs font-medium whitespace-nowrap text-white tabular-nums shadow-lg dark:bg-white dark:text-zinc-900">
        {label}
        {result.snappedTo === "entry" ? (
          <span className="text-accent-300 dark:text-accent-600">· snap</span>
        ) : null}
        {result.clamped ? (
          <span className="text-amber-300 dark:text-amber-600">· limit</span>
        ) : null}
      </div>
    </div>
  );
}

/** ctrl/cmd + wheel and two-finger pinch zoom around the pointer. */
function useZoomGestures(scrollRef: RefObject<HTMLDivElement | null>, store: DraftStore) {
  const anchorRef = useRef<{ ms: number; x: number } | null>(null);
  const pxPerSecond = useDraftStore((s) => s.pxPerSecond);

  useLayoutEffect(() => {
    const anchor = anchorRef.current;
    const el = scrollRef.current;
    if (!anchor || !el) return;
    anchorRef.current = null;
    el.scrollLeft = (anchor.ms * pxPerSecond) / 1000 - anchor.x;
  }, [pxPerSecond, scrollRef]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const zoomAround = (clientX: number, factor: number) => {
      const { pxPerSecond: current, actions } = store.getState();
      const x = clientX - el.getBoundingClientRect().left;
      anchorRef.current = { ms: ((el.scrollLeft + x) / current) * 1000, x };
      actions.setZoom(current * factor);
    };
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomAround(event.clientX, Math.exp(-event.deltaY * 0.002));
    };
    const touches = new Map<number, number>();
    let lastDistance = 0;
    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType !== "touch") return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size === 2) {
        const [a, b] = [...touches.values()] as [number, number];
        lastDistance = Math.abs(a - b);
      }
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!touches.has(event.pointerId)) return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size !== 2) return;
      const [a, b] = [...touches.values()] as [number, number];
      const distance = Math.abs(a - b);
      if (lastDistance > 20 && distance > 20) zoomAround((a + b) / 2, distance / lastDistance);
      lastDistance = distance;
    };
    const onPointerUp = (event: PointerEvent) => {
      touches.delete(event.pointerId);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    el.addEventListener("pointerdown", onPointerDown);
    el.addEventListener("pointermove", onPointerMove);
    el.addEventListener("pointerup", onPointerUp);
    el.addEventListener("pointercancel", onPointerUp);
    return () => {
      el.removeEventListener("wheel", onWheel);
      el.removeEventListener("pointerdown", onPointerDown);
      el.removeEventListener("pointermove", onPointerMove);
      el.removeEventListener("pointerup", onPointerUp);
      el.removeEventListener("pointercancel", onPointerUp);
    };
  }, [scrollRef, store]);
}
