// The track, as dnd-kit's one draggable. dnd-kit re-renders every useDraggable when a drag
// starts and ends (its context changes), and with one per clip body and entry handle (1,250 at
// Fit with 1,000 entries) each pick-up and drop took 80-200 ms, 300-750 ms at 4x CPU slowdown.
// Here the track takes the sensors' presses and keys, and the handle or body under them becomes
// the draggable's node, which dnd-kit measures, scrolls to and gives focus back to. The
// draggable comes from the drag layer (timeline-drag-layer.tsx) through the DragLink, once it
// has arrived: until then a press here only selects, and this file imports no dnd-kit.
import { type ComponentProps, type SyntheticEvent, useMemo, useSyncExternalStore } from "react";
import { type DragLink, dragSourceOf, TrackDragContext } from "./drag-data";

type Listener = (event: SyntheticEvent) => void;

export function TimelineTrack({
  link,
  describedBy,
  children,
  ...props
}: Omit<ComponentProps<"div">, "onMouseDown" | "onTouchStart" | "onKeyDown"> & {
  link: DragLink;
  /** The id of the drag instructions, while dragging is there or on its way. */
  describedBy: string | undefined;
}) {
  const draggable = useSyncExternalStore(link.draggable.subscribe, link.draggable.get);
  const context = useMemo(() => ({ moving: link.moving, describedBy }), [link.moving, describedBy]);
  // dnd-kit's activators (onMouseDown, onTouchStart, onKeyDown), for presses on a handle or a
  // body only: the track's own background sets the playhead and adds entries instead.
  const pickUp = useMemo(() => {
    const wrapped: Record<string, Listener> = {};
    if (!draggable) return wrapped;
    for (const [name, listener] of Object.entries(draggable.listeners)) {
      wrapped[name] = (event) => {
        const source = dragSourceOf(event.target);
        if (!source || !event.currentTarget.contains(source)) return;
        // A key picks up the focused handle itself, as dnd-kit does for a draggable.
        if (event.type === "keydown" && event.target !== source) return;
        draggable.setNodeRef(source);
        listener(event);
      };
    }
    return wrapped;
  }, [draggable]);
  return (
    <TrackDragContext value={context}>
      <div {...props} {...pickUp}>
        {children}
      </div>
    </TrackDragContext>
  );
}
