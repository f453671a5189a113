// The studio's one drop target for files, shown while files are dragged over the window (see
// use-file-drag.ts) and loaded with react-dropzone only then. It covers the window, so a drop
// lands here wherever it is made; what lies under the pointer decides what the drop does: an
// image on a stream's clip (or on a start's image zone) becomes that start's image, a script
// anywhere opens as a new draft. While dragging it outlines what would take the file and says
// what will happen. One target instead of a dropzone per clip: a thousand clips cost nothing.
import { useEffect, useRef, useState } from "react";
import { useDropzone } from "react-dropzone";
import { useDraftStoreApi } from "../store/use-draft-store";
import { DROP_OVERLAY_ATTRIBUTE } from "../hooks/use-file-drag";
import { type DropHandlers, imageTarget, type ImageTarget, placeDroppedFiles } from "./file-drop";

/** What a dragged file is, as far as the browser tells before the drop (often only its type). */
type DraggedKind = "image" | "script" | "other" | "unknown";

function draggedKind(transfer: DataTransfer | null): DraggedKind {
  const type = [...(transfer?.items ?? [])].find((item) => item.kind === "file")?.type ?? "";
  if (!type) return "unknown";
  if (type.startsWith("image/")) return "image";
  if (type === "application/json") return "script";
  return "other";
}

/** The element under the overlay at a point: the overlay covers it, so look through it. */
function elementBelow(x: number, y: number): Element | null {
  return (
    document
      .elementsFromPoint(x, y)
      .find((element) => !element.closest(`[${DROP_OVERLAY_ATTRIBUTE}]`)) ?? null
  );
}

interface Hover {
  target: ImageTarget | null;
  /** Null until the first dragover says what is dragged. */
  kind: DraggedKind | null;
  rect: DOMRect | null;
}

function describe({ target, kind }: Hover): string {
  if (kind === null) return "Drop a script to open it, or an image on a stream to set its image";
  if (kind === "script" || (!target && kind !== "image"))
    return "Drop to open the script as a new draft";
  if (!target) return "Drop the image on a stream to set its start's image";
  if (kind === "other") return `Only an image can be the image of “${target.name}”`;
  return `Drop to set the image of “${target.name}”`;
}

export default function StudioDropOverlay({
  handlers,
  onEnd,
}: {
  handlers: DropHandlers;
  onEnd: () => void;
}) {
  const store = useDraftStoreApi();
  const [hover, setHover] = useState<Hover>({ target: null, kind: null, rect: null });
  const hoverRef = useRef(hover);

  // Where the pointer is, from every dragover in the window: on this overlay (look below it)
  // or, before it covered the page, on the element itself.
  useEffect(() => {
    const onOver = (event: DragEvent) => {
      const over = event.target instanceof Element ? event.target : null;
      const element = over?.closest(`[${DROP_OVERLAY_ATTRIBUTE}]`)
        ? elementBelow(event.clientX, event.clientY)
        : over;
      const target = imageTarget(element, store);
      const kind = draggedKind(event.dataTransfer);
      const before = hoverRef.current;
      if (before.target?.element === target?.element && before.kind === kind) return;
      const next = { target, kind, rect: target?.element.getBoundingClientRect() ?? null };
      hoverRef.current = next;
      setHover(next);
    };
    window.addEventListener("dragover", onOver, true);
    return () => window.removeEventListener("dragover", onOver, true);
  }, [store]);

  const { getRootProps, isDragActive } = useDropzone({
    noClick: true,
    noKeyboard: true,
    multiple: false,
    onDrop: (accepted, rejected) => {
      placeDroppedFiles(
        [...accepted, ...rejected.map((r) => r.file)],
        hoverRef.current.target,
        handlers,
      );
      onEnd();
    },
  });

  // The drag left the window (or was cancelled) after reaching the overlay.
  const wasActive = useRef(false);
  useEffect(() => {
    if (isDragActive) wasActive.current = true;
    else if (wasActive.current) onEnd();
  }, [isDragActive, onEnd]);

  const message = describe(hover);
  const refused = hover.target !== null && hover.kind === "other";
  const outline = hover.target && hover.kind !== "script" ? hover.rect : null;
  return (
    <div
      {...getRootProps({
        className:
          "fixed inset-0 z-50 rounded-2xl border-2 border-dashed border-accent-500 bg-accent-500/5 outline-none",
      })}
      {...{ [DROP_OVERLAY_ATTRIBUTE]: "" }}
    >
      {outline ? (
        // Outlines what takes the image; a drag has no accessible role, the message below says it.
        <div
          data-testid="drop-highlight"
          className={[
            "pointer-events-none fixed rounded-lg border-2",
            refused
              ? "border-red-500 bg-red-500/15"
              : "border-accent-600 bg-accent-500/25 ring-4 ring-accent-500/30",
          ].join(" ")}
          style={{
            left: outline.left,
            top: outline.top,
            width: outline.width,
            height: outline.height,
          }}
        />
      ) : null}
      <p
        role="status"
        className={[
          "pointer-events-none fixed top-4 left-1/2 max-w-[90vw] -translate-x-1/2 line-clamp-2 rounded-2xl text-center px-4 py-2 text-sm font-medium shadow-lg",
          refused ? "bg-red-600 text-white" : "bg-accent-600 text-white dark:bg-accent-500",
        ].join(" ")}
      >
        {message}
      </p>
    </div>
  );
}
