// The time ruler: labels whose spacing adapts to the zoom, drawn only around what is visible;
// pressing or dragging on it moves the playhead.
import type { PointerEvent, RefObject } from "react";
import { useVisibleRange } from "../hooks/use-visible-range";
import { formatRulerTime, rulerStep } from "../model/ruler";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";

export function TimelineRuler({
  pxPerMs,
  widthMs,
  scrollRef,
}: {
  pxPerMs: number;
  widthMs: number;
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { setPlayhead } = useDraftActions();
  const gridMs = useDraftStore((s) => s.gridMs);
  const { left, width } = useVisibleRange(scrollRef);
  const step = rulerStep(pxPerMs);
  const minor = step / (step >= 1000 && (step / 1000) % 5 === 0 ? 5 : 2);
  const fromMs = Math.max(0, Math.floor((left - width) / pxPerMs / step) * step);
  const toMs = Math.min(widthMs, (left + 2 * width) / pxPerMs);
  const ticks: number[] = [];
  for (let ms = fromMs; ms <= toMs; ms += minor) ticks.push(ms);

  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const ms = Math.max(0, (event.clientX - rect.left) / pxPerMs);
    setPlayhead(event.shiftKey || gridMs === 0 ? ms : Math.round(ms / gridMs) * gridMs);
  };

  return (
    // The playhead slider is the keyboard way to do what pressing on the ruler does.
    <div
      className="relative h-7 cursor-pointer bg-zinc-50 select-none dark:bg-zinc-900/60"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
      }}
      aria-hidden
    >
      {ticks.map((ms) => {
        const major = Math.abs(ms / step - Math.round(ms / step)) < 1e-6;
        return (
          <div key={ms} className="absolute bottom-0" style={{ left: ms * pxPerMs }}>
            <div
              className={
                major
                  ? "h-3 w-px bg-zinc-400 dark:bg-zinc-500"
                  : "h-1.5 w-px bg-zinc-300 dark:bg-zinc-700"
              }
            />
            {major ? (
              <span className="absolute bottom-3 left-1 text-[10px] font-medium text-zinc-500 tabular-nums dark:text-zinc-400">
                {formatRulerTime(ms, step)}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
