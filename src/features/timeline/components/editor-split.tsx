// The preview and the inspector side by side, above the timeline, in a row whose height fits
// the window by default (so at 1024x768 the timeline's first track shows too) and that a
// separator below resizes, by dragging or with the arrow keys.
import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from "react";

const MIN_PX = 224;
const MAX_PX = 720;
const STEP_PX = 24;

export function EditorSplit({ preview, inspector }: { preview: ReactNode; inspector: ReactNode }) {
  const rowRef = useRef<HTMLDivElement>(null);
  // Null until resized: then the CSS default, which follows the window's height.
  const [heightPx, setHeightPx] = useState<number | null>(null);
  const drag = useRef<{ startY: number; startPx: number } | null>(null);
  // The height the row has, for the separator's aria-valuenow: a focusable separator must
  // say its value, and before any resize only layout knows it.
  const [shownPx, setShownPx] = useState<number | null>(null);
  useEffect(() => {
    const row = rowRef.current;
    if (!row || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setShownPx(Math.round(entry.contentRect.height));
    });
    observer.observe(row);
    return () => observer.disconnect();
  }, []);

  const current = () => heightPx ?? rowRef.current?.getBoundingClientRect().height ?? MIN_PX;
  const resize = (px: number) => setHeightPx(Math.round(Math.min(MAX_PX, Math.max(MIN_PX, px))));

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? STEP_PX * 4 : STEP_PX;
    const next =
      event.key === "ArrowUp"
        ? current() - step
        : event.key === "ArrowDown"
          ? current() + step
          : event.key === "Home"
            ? MIN_PX
            : event.key === "End"
              ? MAX_PX
              : null;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    resize(next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startPx: current() };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start) resize(start.startPx + event.clientY - start.startY);
  };

  return (
    // The separator sits in the gap above the timeline rather than adding its own height.
    <div className="flex flex-col lg:-mb-3">
      <div
        ref={rowRef}
        className="grid gap-3 lg:h-[var(--editor-row)] lg:grid-cols-[minmax(0,1fr)_minmax(20rem,34rem)]"
        style={{
          ["--editor-row" as string]:
            heightPx === null ? "clamp(14rem, calc(100dvh - 27rem), 34rem)" : `${heightPx}px`,
        }}
      >
        {preview}
        {inspector}
      </div>
      {/* A focusable separator is a widget (ARIA's window splitter), which jsx-a11y does not know. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        role="separator"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-orientation="horizontal"
        aria-label="Resize the preview and inspector"
        aria-valuemin={MIN_PX}
        aria-valuemax={MAX_PX}
        aria-valuenow={Math.min(MAX_PX, Math.max(MIN_PX, heightPx ?? shownPx ?? MIN_PX))}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        title="Drag, or use the arrow keys, to resize"
        className="group hidden h-3 cursor-row-resize touch-none items-center justify-center outline-offset-[-2px] lg:flex"
      >
        <span className="h-1 w-12 rounded-full bg-zinc-300 group-hover:bg-accent-400 dark:bg-zinc-700" />
      </div>
    </div>
  );
}
