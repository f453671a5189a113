// Dragging on the timeline, kept off the studio's first load with dnd-kit (about 12 KB gzipped)
// and fetched when the browser is first idle (studio-chunks.ts): dnd-kit's context and sensors,
// the track's one draggable, handed to the track through the DragLink, and the ghost.
import { DndContext, DragOverlay, useDraggable } from "@dnd-kit/core";
import { type RefObject, useEffect } from "react";
import { useTimelineDrag } from "../hooks/use-timeline-drag";
import type { DraftStore } from "../store/draft-store";
import { DRAG_INSTRUCTIONS, type DragLink, type TrackDraggable } from "./drag-data";
import { DragGhost } from "./drag-ghost";

/** The id of the track's draggable: onDragStart reads what moves from the pick-up's target. */
const TRACK_DRAGGABLE = "timeline-track";

export function TimelineDragLayer({
  store,
  scrollRef,
  link,
}: {
  store: DraftStore;
  scrollRef: RefObject<HTMLDivElement | null>;
  link: DragLink;
}) {
  const { sensors, dragging, pointerDragging, sessionRef, overlayModifiers, handlers } =
    useTimelineDrag(store, scrollRef, link.moving);
  // The track and its clips are outside this context: dnd-kit's context changes on every pointer
  // move of a drag, and then re-renders this layer alone, not the 1,250 handles at Fit.
  return (
    <DndContext
      sensors={sensors}
      {...handlers}
      autoScroll={{ threshold: { x: 0.08, y: 0 }, acceleration: 8 }}
      accessibility={{
        // The entries are described by the timeline's own copy, there before this layer is.
        screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS },
        announcements: {
          onDragStart: () => "Picked up. Use the arrows to move it.",
          onDragMove: () => undefined,
          onDragOver: () => undefined,
          onDragEnd: () => "Dropped.",
          onDragCancel: () => "Cancelled: it is back where it was.",
        },
      }}
    >
      <TrackDraggableLink link={link} />
      {/* Its own compositor layer: moving the ghost then repaints nothing under it. */}
      <DragOverlay
        dropAnimation={null}
        modifiers={overlayModifiers}
        className="will-change-transform"
      >
        {dragging ? <DragGhost data={dragging} sessionRef={sessionRef} /> : null}
      </DragOverlay>
      {pointerDragging ? (
        // Over everything while the pointer drags: the browser hit-tests each pointer move to
        // find what is under it, and with 1,000 entries drawn that walk through their 1,250
        // positioned boxes took 5-17 ms of every move. It stops at this one instead; dnd-kit
        // listens on the document, so the drag is unchanged.
        // The wheel still scrolls the timeline sideways under it, to carry the entry further.
        <div
          aria-hidden
          className="fixed inset-0 z-[60] cursor-grabbing"
          onWheel={(event) => {
            const scroller = scrollRef.current;
            if (scroller) scroller.scrollLeft += event.shiftKey ? event.deltaY : event.deltaX;
          }}
        />
      ) : null}
    </DndContext>
  );
}

/** The track's one draggable (see TimelineTrack), given to the track while this layer is up. */
function TrackDraggableLink({ link }: { link: DragLink }) {
  const { listeners, setNodeRef } = useDraggable({ id: TRACK_DRAGGABLE });
  useEffect(() => {
    // dnd-kit types them as Function: each is a React event handler (useSyntheticListeners).
    link.draggable.set({ listeners: (listeners ?? {}) as TrackDraggable["listeners"], setNodeRef });
    return () => link.draggable.set(null);
  }, [link, listeners, setNodeRef]);
  return null;
}
