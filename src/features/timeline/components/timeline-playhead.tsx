// The playhead: a line across the timeline with a handle on the ruler that is a slider, so it
// can be dragged, clicked to, or moved with the keyboard; it follows playback into view.
import { type KeyboardEvent, type PointerEvent, type RefObject, useEffect } from "react";
import { formatSeconds } from "../../../contract/format";
import { timelineEndMs } from "../model/operations";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";

export function TimelinePlayhead({
  pxPerMs,
  scrollRef,
}: {
  pxPerMs: number;
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const playheadMs = useDraftStore((s) => s.playheadMs);
  const playing = useDraftStore((s) => s.playing);
  const endMs = useDraftStore((s) => timelineEndMs(s.timeline));
  const gridMs = useDraftStore((s) => s.gridMs);
  const { setPlayhead } = useDraftActions();
  const x = playheadMs * pxPerMs;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !playing) return;
    if (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth - 40)
      el.scrollLeft = Math.max(0, x - 80);
  }, [x, playing, scrollRef]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 1000 : gridMs || 100;
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowUp") next = playheadMs + step;
    if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = playheadMs - step;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = endMs;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    setPlayhead(next);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    const content = event.currentTarget.parentElement?.parentElement;
    if (!content) return;
    const ms = (event.clientX - content.getBoundingClientRect().left) / pxPerMs;
    setPlayhead(event.shiftKey || gridMs === 0 ? ms : Math.round(ms / gridMs) * gridMs);
  };

  return (
    <div className="pointer-events-none absolute inset-y-0 z-30" style={{ left: x }}>
      <div className="absolute inset-y-0 -left-px w-0.5 bg-red-500" />
      <div
        role="slider"
        tabIndex={0}
        aria-label="Playhead"
        aria-valuemin={0}
        aria-valuemax={Math.max(endMs, playheadMs)}
        aria-valuenow={playheadMs}
        aria-valuetext={formatSeconds(playheadMs)}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          event.stopPropagation();
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={onPointerMove}
        className="pointer-events-auto absolute top-0 -left-[7px] h-4 w-3.5 cursor-ew-resize touch-none rounded-b-[5px] bg-red-500 shadow"
      />
    </div>
  );
}
