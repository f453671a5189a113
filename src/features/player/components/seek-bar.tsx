// The scrubber under the video: a slider for the playhead, and above it one marker per prompt
// of the stream, each a button that seeks to where its prompt takes effect. A prompt the video
// ends before showing keeps its marker, hollow and named as never on screen, so the creator
// learns it was lost rather than finding it missing.
import { type KeyboardEvent, type PointerEvent, useState } from "react";
import type { StreamMarker } from "../../../contract/events";
import { formatSeconds } from "../../../contract/format";
import { SeekMarker } from "../../../components/seek-marker";
import {
  markerLabel,
  markerSeen,
  percentAt,
  seekTargetForKey,
  seekValueText,
  timeAtPointer,
  tooltipAlign,
} from "../utils/scrubber";

export function SeekBar({
  currentMs,
  durationMs,
  fps,
  markers,
  showingMarker,
  onSeek,
  onTogglePlay,
}: {
  currentMs: number;
  durationMs: number | null;
  fps: number;
  /** Null when the stream's events are not known; the bar then has no markers. */
  markers: readonly StreamMarker[] | null;
  showingMarker: StreamMarker | null;
  onSeek: (ms: number) => void;
  /** Space and K on the bar play and pause, as on the video's own controls. */
  onTogglePlay: () => void;
}) {
  // One tooltip at a time: the marker last hovered or focused, until it is left or dismissed.
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const known = durationMs !== null && durationMs > 0;
  const duration = known ? durationMs : 0;
  const position = Math.min(currentMs, duration);
  const percent = percentAt(position, duration);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!known) return;
    if (event.key === " " || event.key === "k" || event.key === "K") {
      event.preventDefault();
      onTogglePlay();
      return;
    }
    const target = seekTargetForKey(event.key, event.shiftKey, position, duration, fps);
    if (target === null) return;
    event.preventDefault();
    onSeek(target);
  };

  const seekToPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(timeAtPointer(event.clientX, box.left, box.width, duration));
  };

  return (
    <div>
      {known && markers && markers.length > 0 ? (
        <div className="relative mx-1.5 h-6">
          {markers.map((marker, index) => (
            <MarkerButton
              key={`${marker.kind}:${marker.atMs}:${index}`}
              marker={marker}
              percent={percentAt(marker.atMs, duration)}
              seen={markerSeen(marker, duration, fps)}
              showing={marker === showingMarker}
              open={openIndex === index}
              onOpen={() => setOpenIndex(index)}
              onClose={() => setOpenIndex((open) => (open === index ? null : open))}
              onSeek={onSeek}
            />
          ))}
        </div>
      ) : null}
      <div
        role="slider"
        tabIndex={known ? 0 : -1}
        aria-label="Seek"
        aria-disabled={!known || undefined}
        aria-valuemin={0}
        aria-valuemax={Number((duration / 1000).toFixed(2))}
        aria-valuenow={Number((position / 1000).toFixed(2))}
        aria-valuetext={seekValueText(position, known ? duration : null)}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          if (!known || event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          event.currentTarget.focus();
          seekToPointer(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) seekToPointer(event);
        }}
        className={[
          "group relative mx-1.5 h-5 touch-none rounded-full",
          known ? "cursor-pointer" : "cursor-not-allowed opacity-50",
        ].join(" ")}
      >
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700">
          <div className="h-full bg-accent-500" style={{ width: `${percent}%` }} />
        </div>
        {known && markers
          ? markers.map((marker, index) => (
              <span
                key={`${marker.kind}:${marker.atMs}:${index}`}
                aria-hidden
                className={[
                  "absolute top-1/2 h-2.5 w-px -translate-y-1/2 bg-zinc-400 dark:bg-zinc-500",
                  markerSeen(marker, duration, fps) ? "" : "opacity-40",
                ].join(" ")}
                style={{ left: `${percentAt(marker.atMs, duration)}%` }}
              />
            ))
          : null}
        <span
          aria-hidden
          className="absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-accent-600 bg-white shadow-sm transition-transform group-hover:scale-110 dark:bg-zinc-100"
          style={{ left: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function MarkerButton({
  marker,
  percent,
  seen,
  showing,
  open,
  onOpen,
  onClose,
  onSeek,
}: {
  marker: StreamMarker;
  percent: number;
  /** False when the video ends before any frame shows the prompt. */
  seen: boolean;
  showing: boolean;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onSeek: (ms: number) => void;
}) {
  const align = tooltipAlign(percent);
  const interaction = marker.kind === "interact";

  return (
    // The tooltip sits inside this box so the pointer can move onto it without closing it.
    <div
      className="absolute top-0 -translate-x-1/2"
      style={{ left: `${percent}%` }}
      onMouseEnter={onOpen}
      onMouseLeave={onClose}
    >
      <SeekMarker
        kind={marker.kind}
        seen={seen}
        showing={showing}
        aria-label={markerLabel(marker, seen)}
        onClick={() => onSeek(marker.showMs)}
        onFocus={onOpen}
        onBlur={onClose}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.stopPropagation();
            onClose();
          }
        }}
      />
      {open ? (
        <div
          role="tooltip"
          className={[
            "absolute bottom-full z-20 mb-1.5 w-max max-w-64 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-left text-xs shadow-lg sm:max-w-xs dark:border-zinc-700 dark:bg-zinc-900",
            align === "start"
              ? "left-0"
              : align === "end"
                ? "right-0"
                : "left-1/2 -translate-x-1/2",
          ].join(" ")}
        >
          <p className="font-medium text-zinc-500 tabular-nums dark:text-zinc-400">
            {interaction ? "Interaction" : "Start"} at {formatSeconds(marker.atMs)}
          </p>
          <p className="mt-0.5 line-clamp-4 text-sm break-words text-zinc-900 dark:text-zinc-100">
            {marker.prompt || <span className="italic text-zinc-500">No prompt</span>}
          </p>
          {seen ? null : (
            <p className="mt-1 text-zinc-500 dark:text-zinc-400">
              Never on screen: it comes after the video&rsquo;s last frame.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
