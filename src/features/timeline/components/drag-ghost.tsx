// What is being dragged, at the time it would land, re-rendered on every move by itself; with a
// guide line across the track where it snaps to another entry.
import { useDndMonitor } from "@dnd-kit/core";
import { type RefObject, useState } from "react";
import { formatSeconds } from "../../../contract/format";
import { type DragOutcome, type DragSession, dragOutcome } from "../hooks/use-timeline-drag";
import { type DragData, entryLabel } from "./drag-data";

function same(a: DragOutcome, b: DragOutcome): boolean {
  if (a.kind !== b.kind || a.ms !== b.ms) return false;
  if (a.kind === "reorder" && b.kind === "reorder") return a.toIndex === b.toIndex;
  if (a.kind === "move" && b.kind === "move")
    return a.snappedTo === b.snappedTo && a.clamped === b.clamped;
  return false;
}

/** Where the guide goes, in ms: the snapped edge (a stream snaps by its start or its end). */
function guideMs(session: DragSession, result: DragOutcome): number | null {
  if (result.kind !== "move" || result.snappedTo !== "entry") return null;
  if (session.data.kind !== "clip" || session.targets.includes(result.ms)) return result.ms;
  const clip = session.timeline.clips.find((c) => c.id === session.data.id);
  return clip ? result.ms + clip.end.timestampMs - clip.start.timestampMs : result.ms;
}

/** Where an entry's time sits in its handle (see the handles' translate in timeline-clip.tsx). */
const HANDLE_TIME_OFFSET = { start: 3, interact: "50%", end: 7 } as const;

export function DragGhost({
  data,
  sessionRef,
}: {
  data: DragData;
  sessionRef: RefObject<DragSession | null>;
}) {
  const [{ result, guideLeft }, setShown] = useState<{
    result: DragOutcome;
    /** Where the snap guide goes, from the ghost's left edge; null when it did not snap. */
    guideLeft: number | string | null;
  }>({
    result: { kind: "move", ms: data.originMs, snappedTo: null, clamped: false },
    guideLeft: null,
  });
  useDndMonitor({
    onDragMove(event) {
      const session = sessionRef.current;
      if (!session) return;
      const next = dragOutcome(session, event.delta.x);
      const guide = guideMs(session, next);
      setShown((prev) => {
        if (same(prev.result, next)) return prev;
        const guideLeft =
          guide === null
            ? null
            : data.kind === "clip"
              ? (guide - next.ms) * session.pxPerMs
              : HANDLE_TIME_OFFSET[data.kind];
        return { result: next, guideLeft };
      });
    },
  });
  const label =
    result.kind === "reorder"
      ? `stream to place ${result.toIndex + 1}`
      : data.kind === "clip"
        ? `stream at ${formatSeconds(result.ms)}`
        : entryLabel(data.kind, result.ms);
  return (
    <div className="pointer-events-none relative h-full w-full">
      {guideLeft !== null ? (
        <div
          aria-hidden
          data-snap-guide
          className="absolute -top-10 -bottom-3 w-0.5 -translate-x-1/2 bg-sky-500 shadow-[0_0_0_1px_rgb(255_255_255/0.7)]"
          style={{ left: guideLeft }}
        />
      ) : null}
      <div
        className={[
          "h-full w-full rounded-lg border-2",
          data.kind === "clip"
            ? "border-accent-500 bg-accent-500/20"
            : data.kind === "interact"
              ? "border-amber-500 bg-amber-500/30"
              : "border-accent-600 bg-accent-500/40",
          result.kind === "reorder" ? "border-dashed" : "",
        ].join(" ")}
      />
      <div className="absolute -top-8 left-0 flex -translate-x-1/2 items-center gap-1 rounded-md bg-zinc-900 px-2 py-1 text-xs font-medium whitespace-nowrap text-white tabular-nums shadow-lg dark:bg-white dark:text-zinc-900">
        {label}
        {result.kind === "move" && result.snappedTo === "entry" ? (
          <span className="text-accent-300 dark:text-accent-600">· snap</span>
        ) : null}
        {result.kind === "move" && result.clamped ? (
          <span className="text-amber-300 dark:text-amber-600">· limit</span>
        ) : null}
      </div>
    </div>
  );
}
