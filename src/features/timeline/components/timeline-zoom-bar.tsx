// The timeline's own bar: the playhead's timecode, snapping, ripple and zoom.
import type { RefObject } from "react";
import { Button } from "../../../components/button";
import { TimeField } from "../../../components/time-field";
import { GRID_CHOICES } from "../model/snap";
import { timelineEndMs } from "../model/operations";
import { zoomStep } from "../model/zoom";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { IconButton } from "../../../components/icon-button";

const GRID_LABEL: Record<number, string> = {
  0: "Off",
  100: "100 ms",
  250: "250 ms",
  500: "500 ms",
  1000: "1 s",
};

export function TimelineZoomBar({ scrollRef }: { scrollRef: RefObject<HTMLDivElement | null> }) {
  const store = useDraftStoreApi();
  const { setGrid, setRipple, setZoom, setPlayhead } = useDraftActions();
  const gridMs = useDraftStore((s) => s.gridMs);
  const ripple = useDraftStore((s) => s.ripple);
  const pxPerSecond = useDraftStore((s) => s.pxPerSecond);
  const playheadMs = useDraftStore((s) => s.playheadMs);

  const fit = () => {
    const el = scrollRef.current;
    const endMs = timelineEndMs(store.getState().timeline);
    if (!el) return;
    // The zoom goes low enough for any length the API takes to fit.
    setZoom(((el.clientWidth - 64) / Math.max(endMs, 5000)) * 1000);
    el.scrollLeft = 0;
  };

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-zinc-200 px-3 py-1.5 text-sm dark:border-zinc-800">
      <TimeField
        label="Playhead time"
        hideLabel
        format="timecode"
        valueMs={playheadMs}
        onCommit={(ms) => setPlayhead(ms)}
        variant="compact"
        inputClassName="w-24"
      />
      <label className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
        Snap
        <select
          value={gridMs}
          onChange={(event) => setGrid(Number(event.target.value))}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
        >
          {GRID_CHOICES.map((ms) => (
            <option key={ms} value={ms}>
              {GRID_LABEL[ms]}
            </option>
          ))}
        </select>
      </label>
      <Button
        size="sm"
        aria-pressed={ripple}
        onClick={() => setRipple(!ripple)}
        title="Moving or resizing shifts every later entry (or hold Alt while dragging)"
        className="text-sm aria-pressed:border-accent-500 aria-pressed:bg-accent-100 aria-pressed:text-accent-700 dark:aria-pressed:bg-accent-500/20 dark:aria-pressed:text-accent-300"
      >
        Ripple
      </Button>
      <div className="ml-auto flex items-center gap-1">
        <IconButton label="Zoom out" onClick={() => setZoom(zoomStep(pxPerSecond, "out"))}>
          <path d="M5 12h14" />
        </IconButton>
        <span
          className="w-16 text-center text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
          aria-live="polite"
        >
          {pxPerSecond >= 2 ? Math.round(pxPerSecond) : pxPerSecond.toFixed(2)} px/s
        </span>
        <IconButton label="Zoom in" onClick={() => setZoom(zoomStep(pxPerSecond, "in"))}>
          <path d="M5 12h14M12 5v14" />
        </IconButton>
        <Button variant="ghost" size="sm" onClick={fit} className="ml-1 text-sm">
          Fit
        </Button>
      </div>
    </div>
  );
}
