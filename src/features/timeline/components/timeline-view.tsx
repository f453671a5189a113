// The timeline: the zoom bar, the ruler, the playhead and the track of clips. Dragging lives in
// the drag layer (timeline-drag-layer.tsx, fetched when idle), zoom gestures in use-zoom-gestures.
import {
  type MouseEvent as ReactMouseEvent,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { Alert } from "../../../components/alert";
import { Kbd } from "../../../components/kbd";
import { formatSeconds } from "../../../contract/format";
import { runCommand } from "../commands/registry";
import { useCommandUi } from "../commands/use-commands";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { useVisibleRange } from "../hooks/use-visible-range";
import { useZoomGestures } from "../hooks/use-zoom-gestures";
import { clipAt, timelineEndMs } from "../model/operations";
import { type ClipProblem, reuseUnchanged } from "../model/problems";
import { snapToGrid } from "../model/snap";
import { selectedClips, visibleClips } from "../model/visible-clips";
import { useShallow } from "zustand/react/shallow";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { createDragLink, DRAG_INSTRUCTIONS } from "./drag-data";
import { TimelineClip } from "./timeline-clip";
import type { ContextMenuState } from "./timeline-context-menu";
import { loadContextMenu, loadedContextMenu, useDragLayer, useFetchPart } from "./studio-chunks";
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
  const commandUi = useCommandUi();
  const clips = useDraftStore((s) => s.timeline.clips);
  const pxPerSecond = useDraftStore((s) => s.pxPerSecond);
  const pxPerMs = pxPerSecond / 1000;
  const problemsByClip = useClipProblems();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  // Fetched when the studio is idle; a menu asked for before then opens once it has arrived.
  const [TimelineContextMenu, setContextMenu] = useState(loadedContextMenu);
  useFetchPart(menu !== null && !TimelineContextMenu, loadContextMenu, setContextMenu);
  // Dragging arrives when the browser is first idle; the timeline is the same before it.
  const [link] = useState(createDragLink);
  const { DragLayer, failed: dragFailed, want: wantDragLayer } = useDragLayer();
  const dragReady = useSyncExternalStore(link.draggable.subscribe, () => !!link.draggable.get());
  const instructionsId = useId();

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
    // The registry's adds, at the time clicked: like theirs, the typing that follows goes to the
    // new entry's prompt, not to Space.
    runCommand(clipAt(timeline, ms) ? "add-interaction" : "add-stream", {
      store,
      ui: commandUi,
      atMs: ms,
    });
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
      // For tests and tools: a press on an entry picks it up from now on.
      data-drag-ready={dragReady ? "" : undefined}
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
      <div
        ref={scrollRef}
        className="relative overflow-x-auto overflow-y-hidden overscroll-x-contain"
        style={{ touchAction: "pan-x pan-y" }}
      >
        <div className="relative" style={{ width: widthMs * pxPerMs + 48 }}>
          <TimelineRuler pxPerMs={pxPerMs} widthMs={widthMs} scrollRef={scrollRef} />
          {/* The track's mouse handlers are shortcuts: every action has a toolbar button and a key. */}
          <TimelineTrack
            link={link}
            describedBy={dragFailed ? undefined : instructionsId}
            // A press before dragging has arrived only selects, and fetches it now if not yet.
            onPointerDown={DragLayer ? undefined : wantDragLayer}
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
      {DragLayer ? <DragLayer store={store} scrollRef={scrollRef} link={link} /> : null}
      <span id={instructionsId} hidden>
        {DRAG_INSTRUCTIONS}
      </span>
      {menu && TimelineContextMenu ? (
        <TimelineContextMenu state={menu} onClose={() => setMenu(null)} />
      ) : null}
      {dragFailed ? (
        <Alert tone="warning" className="mx-3 mb-2">
          Dragging could not be loaded: reload the page to drag entries.
        </Alert>
      ) : null}
      <p className="border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        Drag to move · drag an edge to resize · hold <Kbd size="sm">Alt</Kbd> to ripple ·
        double-click to add · right-click for more · <Kbd size="sm">?</Kbd> for shortcuts
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
