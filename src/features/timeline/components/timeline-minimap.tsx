// The whole script in one thin bar, with the part the timeline shows marked: a slider, so the
// view can be moved by dragging, clicking or the keyboard.
import { type KeyboardEvent, type PointerEvent, type RefObject, useRef } from "react";
import { formatRulerTime } from "../model/ruler";
import { useDraftStore } from "../store/use-draft-store";

export function TimelineMinimap({
  scrollRef,
  leftPx,
  widthPx,
  totalMs,
  pxPerMs,
}: {
  scrollRef: RefObject<HTMLDivElement | null>;
  leftPx: number;
  widthPx: number;
  /** The length the timeline can scroll over. */
  totalMs: number;
  pxPerMs: number;
}) {
  const clips = useDraftStore((s) => s.timeline.clips);
  const barRef = useRef<HTMLDivElement>(null);
  const fromMs = leftPx / pxPerMs;
  const spanMs = Math.min(totalMs, widthPx / pxPerMs);
  const percent = (ms: number) => `${(Math.min(ms, totalMs) / totalMs) * 100}%`;

  const scrollTo = (startMs: number) => {
    const el = scrollRef.current;
    if (el) el.scrollLeft = Math.max(0, startMs * pxPerMs);
  };
  const centreAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = barRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const ms = ((event.clientX - rect.left) / rect.width) * totalMs;
    scrollTo(ms - spanMs / 2);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? spanMs : spanMs / 4;
    const next =
      event.key === "ArrowRight" || event.key === "PageDown"
        ? fromMs + step
        : event.key === "ArrowLeft" || event.key === "PageUp"
          ? fromMs - step
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? totalMs
              : null;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    scrollTo(next);
  };

  return (
    <div
      ref={barRef}
      role="slider"
      tabIndex={0}
      aria-label="Visible part of the timeline"
      aria-valuemin={0}
      aria-valuemax={Math.round(totalMs / 1000)}
      aria-valuenow={Math.round(fromMs / 1000)}
      aria-valuetext={`${formatRulerTime(fromMs, 1000)} to ${formatRulerTime(fromMs + spanMs, 1000)}`}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        centreAt(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) centreAt(event);
      }}
      className="relative mx-3 my-1 h-3.5 cursor-pointer touch-none overflow-hidden rounded bg-zinc-100 outline-offset-2 dark:bg-zinc-800"
    >
      {clips.map((clip) => (
        <span
          key={clip.id}
          aria-hidden
          className="absolute inset-y-0.5 rounded-sm bg-accent-400/70"
          style={{
            left: percent(clip.start.timestampMs),
            width: `max(1px, ${percent(clip.end.timestampMs - clip.start.timestampMs)})`,
            backgroundColor: clip.start.color,
          }}
        />
      ))}
      <span
        aria-hidden
        data-minimap-view
        className="absolute inset-y-0 rounded border-2 border-zinc-700 bg-zinc-900/10 dark:border-zinc-200 dark:bg-white/10"
        style={{ left: percent(fromMs), width: percent(spanMs) }}
      />
    </div>
  );
}
