// The track, as dnd-kit's one draggable. dnd-kit re-renders every useDraggable when a drag
// starts and ends (its context changes), and with one per clip body and entry handle (1,250 at
// Fit with 1,000 entries) each pick-up and drop took 80-200 ms, 300-750 ms at 4x CPU slowdown.
// Here the track takes the sensors' presses and keys, and the handle or body under them becomes
// the draggable's node, which dnd-kit measures, scrolls to and gives focus back to.
import { useDndContext, useDraggable } from "@dnd-kit/core";
import { type ComponentProps, type SyntheticEvent, useMemo } from "react";
import { dragSourceOf, type MovingEntry, TrackDragContext } from "./drag-data";

/** The id of the track's draggable: onDragStart reads what moves from the pick-up's target. */
export const TRACK_DRAGGABLE = "timeline-track";

type Listener = (event: SyntheticEvent) => void;

export function TimelineTrack({
  moving,
  children,
  ...props
}: Omit<ComponentProps<"div">, "onMouseDown" | "onTouchStart" | "onKeyDown"> & {
  moving: MovingEntry;
}) {
  const { listeners, setNodeRef, attributes } = useDraggable({ id: TRACK_DRAGGABLE });
  // dnd-kit's public context changes on every pointer move of a drag, and React looks for its
  // consumers through the whole tree under DndContext: reading it here ends that search at the
  // track (this re-renders, its clips do not) instead of walking every clip's fibers each move.
  useDndContext();
  const describedBy = attributes["aria-describedby"];
  const context = useMemo(() => ({ moving, describedBy }), [moving, describedBy]);
  // dnd-kit's activators (onMouseDown, onTouchStart, onKeyDown), for presses on a handle or a
  // body only: the track's own background sets the playhead and adds entries instead.
  const pickUp = useMemo(() => {
    const wrapped: Record<string, Listener> = {};
    for (const [name, listener] of Object.entries(listeners ?? {}) as [string, Listener][]) {
      wrapped[name] = (event) => {
        const source = dragSourceOf(event.target);
        if (!source || !event.currentTarget.contains(source)) return;
        // A key picks up the focused handle itself, as dnd-kit does for a draggable.
        if (event.type === "keydown" && event.target !== source) return;
        setNodeRef(source);
        listener(event);
      };
    }
    return wrapped;
  }, [listeners, setNodeRef]);
  return (
    <TrackDragContext value={context}>
      <div {...props} {...pickUp}>
        {children}
      </div>
    </TrackDragContext>
  );
}
