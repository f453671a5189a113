// The timeline: the zoom bar, the ruler, the playhead and the track of clips. Dragging lives in
// use-timeline-drag, its ghost in drag-ghost, zoom gestures in use-zoom-gestures.
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { type MouseEvent as ReactMouseEvent, useRef, useState } from "react";
import { formatSeconds } from "../../../contract/format";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { useTimelineDrag } from "../hooks/use-timeline-drag";
import { useVisibleRange } from "../hooks/use-visible-range";
import { useZoomGestures } from "../hooks/use-zoom-gestures";
import { clipAt, timelineEndMs } from "../model/operations";
import { type ClipProblem, reuseUnchanged } from "../model/problems";
import { snapToGrid } from "../model/snap";
import { selectedClips, visibleClips } from "../model/visible-clips";
import { useShallow } from "zustand/react/shallow";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { DragGhost } from "./drag-ghost";
import { focusPromptSoon } from "./focus-prompt";
import { TimelineClip } from "./timeline-clip";
import type { ContextMenuState } from "./timeline-context-menu";
import { loadContextMenu, loadedContextMenu, useFetchPart } from "./studio-chunks";
import { TimelineMinimap } from "./timeline-minimap";
import { TimelinePlayhead } from "./timeline-playhead";
import { TimelineRuler } from "./timeline-ruler";
import { TimelineTrack } from "./timeline-track";
import { TimelineZoomBar } from "./timeline-zoom-bar";

const TRACK_HEIGHT = 112;
const NO_PROBLEMS: readonly ClipProblem[] = [];

export function TimelineView() {
  const store = useDraftStoreApi();
  const actions = useDraftActions();
  const clips = useDraftStore((s) => s.timeline.clips);
  const pxPerSecond = useDraftStore((s) => s.pxPerSecond);
  const pxPerMs = pxPerSecond / 1000;
  const problemsByClip = useClipProblems();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  // Fetched when the studio is idle; a menu asked for before then opens once it has arrived.
  const [TimelineContextMenu, setContextMenu] = useState(loadedContextMenu);
  useFetchPart(menu !== null && !TimelineContextMenu, loadContextMenu, setContextMenu);
  const { sensors, dragging, moving, sessionRef, overlayModifiers, handlers } = useTimelineDrag(
    store,
    scrollRef,
  );

  const endMs = clips.at(-1)?.end.timestampMs ?? 0;
  const selectedClipIds = useDraftStore(
    useShallow((s) => selectedClips(s.timeline.clips, s.selection)),
  );
  const { left, width } = useVisibleRange(scrollRef);
  const shown = visibleClips(clips, left, width, pxPerMs, selectedClipIds);
  const widthMs = Math.max(endMs + 15_000, 30_000);

  useZoomGestures(scrollRef, store);

  function timeAt(event: ReactMouseEvent): number {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.max(0, (event.clientX - rect.left) / pxPerMs);
  }

  function onTrackDoubleClick(event: ReactMouseEvent<HTMLDivElement>) {
    if ((event.target as HTMLElement).closest("[data-entry-id]")) return;
    const { gridMs, timeline } = store.getState();
    const ms = snapToGrid(timeAt(event), gridMs);
    const added = clipAt(timeline, ms) ? actions.addInteraction(ms) : actions.addStream(ms);
    // The typing that follows a double-click goes to the new entry's prompt, not to Space.
    if (added) focusPromptSoon();
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
      {clips.length > 0 ? (
        <TimelineMinimap
          scrollRef={scrollRef}
          leftPx={left}
          widthPx={width}
          totalMs={widthMs}
          pxPerMs={pxPerMs}
        />
      ) : null}
      <DndContext
        sensors={sensors}
        {...handlers}
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
            <TimelineTrack
              moving={moving}
              className="relative border-t border-zinc-200 bg-[repeating-linear-gradient(90deg,transparent_0,transparent_calc(var(--tick)-1px),var(--grid-line)_calc(var(--tick)-1px),var(--grid-line)_var(--tick))] [--grid-line:rgb(0_0_0/0.04)] dark:border-zinc-800 dark:[--grid-line:rgb(255_255_255/0.04)]"
              style={{
                height: TRACK_HEIGHT,
                ["--tick" as string]: `${Math.max(8, pxPerSecond)}px`,
              }}
              onDoubleClick={onTrackDoubleClick}
              onClick={onTrackClick}
              onContextMenu={onContextMenu}
            >
              {shown.map(({ clip, index }) => (
                <TimelineClip
                  key={clip.id}
                  clip={clip}
                  index={index}
                  pxPerMs={pxPerMs}
                  problems={problemsByClip.get(clip.id) ?? NO_PROBLEMS}
                />
              ))}
              {clips.length === 0 ? (
                <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-500">
                  Double-click here or press “Add stream” to begin a stream.
                </p>
              ) : null}
            </TimelineTrack>
            <TimelinePlayhead pxPerMs={pxPerMs} scrollRef={scrollRef} />
          </div>
        </div>
        {/* Its own compositor layer: moving the ghost then repaints nothing under it. */}
        <DragOverlay
          dropAnimation={null}
          modifiers={overlayModifiers}
          className="will-change-transform"
        >
          {dragging ? <DragGhost data={dragging} sessionRef={sessionRef} /> : null}
        </DragOverlay>
      </DndContext>
      {menu && TimelineContextMenu ? (
        <TimelineContextMenu state={menu} onClose={() => setMenu(null)} />
      ) : null}
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

/** Each clip's problems, the same array while they stay the same, so memoised clips hold. */
function useClipProblems() {
  const { problemsByClip } = useTimelineCheck();
  const [kept, setKept] = useState({ source: problemsByClip, stable: problemsByClip });
  if (kept.source === problemsByClip) return kept.stable;
  const stable = reuseUnchanged(kept.stable, problemsByClip);
  setKept({ source: problemsByClip, stable });
  return stable;
}
