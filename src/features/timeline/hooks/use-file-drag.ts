// Notices files dragged into the window with three native listeners, so the studio's drop
// overlay (react-dropzone, a lazy chunk) is fetched and mounted only then. A drop that misses
// the overlay (made before it arrived, or dispatched at an element) is handed to `onMissedDrop`
// at once and ends the drag: the overlay must not mount after the drop, over the page, where it
// took the click that followed. The browser never opens a dropped file in place of the studio.
import { useCallback, useEffect, useRef, useState } from "react";

/** A drop the overlay did not receive itself: what it was made on, to place it by. */
export interface MissedDrop {
  files: File[];
  target: Element | null;
}

/** Marks the overlay's own element: drops on it are react-dropzone's. */
export const DROP_OVERLAY_ATTRIBUTE = "data-drop-overlay";

export function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

export function useFileDrag(onMissedDrop: (drop: MissedDrop) => void): {
  dragging: boolean;
  /** The overlay is done: the drag left, or its drop was handled. */
  end: () => void;
} {
  const [dragging, setDragging] = useState(false);
  const onMissedDropRef = useRef(onMissedDrop);
  useEffect(() => {
    onMissedDropRef.current = onMissedDrop;
  });

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (carriesFiles(event)) setDragging(true);
    };
    // Without this the browser refuses the drop, or opens the file in the tab.
    const onOver = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(`[${DROP_OVERLAY_ATTRIBUTE}]`)) return;
      setDragging(false);
      onMissedDropRef.current({ files: [...(event.dataTransfer?.files ?? [])], target });
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragover", onOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("drop", onDrop);
    };
  }, []);

  // No pointer events reach the page during a drag: one that does means the drag is over,
  // whatever the overlay saw (it may have mounted after the pointer left).
  useEffect(() => {
    if (!dragging) return;
    const onPointer = () => setDragging(false);
    window.addEventListener("pointermove", onPointer);
    window.addEventListener("pointerdown", onPointer);
    return () => {
      window.removeEventListener("pointermove", onPointer);
      window.removeEventListener("pointerdown", onPointer);
    };
  }, [dragging]);

  const end = useCallback(() => setDragging(false), []);
  return { dragging, end };
}
