// One stream on the track: a body that moves the whole clip, a start handle, an end edge that
// resizes it, and its interactions as markers. Memoised on the clip object, which the model
// only replaces when the clip changes, so a drag's drop re-renders one clip.
import { memo, type MouseEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { formatSeconds } from "../../../contract/format";
import type { ClipProblem } from "../model/problems";
import { streamName } from "../model/stream-look";
import type { Clip } from "../model/timeline";
import type { DraftActions } from "../store/draft-store";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { entryLabel, useDragSource, useIsMoving } from "./drag-data";

interface ClipProps {
  clip: Clip;
  index: number;
  pxPerMs: number;
  /** The same array while the clip's problems stay the same (see reuseUnchanged), for memo. */
  problems: readonly ClipProblem[];
}

function problemsByEntry(problems: readonly ClipProblem[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { entryId, message } of problems) {
    const before = map.get(entryId);
    map.set(entryId, before ? `${before}; ${message}` : message);
  }
  return map;
}

export const TimelineClip = memo(function TimelineClip({
  clip,
  index,
  pxPerMs,
  problems: clipProblems,
}: ClipProps) {
  const selected = useDraftStore(
    useShallow((s) =>
      s.selection.filter(
        (id) =>
          id === clip.start.id ||
          id === clip.end.id ||
          id === clip.id ||
          clip.interactions.some((i) => i.id === id),
      ),
    ),
  );
  const problems = problemsByEntry(clipProblems);
  const left = clip.start.timestampMs * pxPerMs;
  const width = Math.max(2, (clip.end.timestampMs - clip.start.timestampMs) * pxPerMs);
  const clipSelected =
    selected.includes(clip.id) ||
    selected.includes(clip.start.id) ||
    selected.includes(clip.end.id);
  const hasProblem = problems.size > 0;

  return (
    // data-clip: the studio's drop overlay finds the stream under a dropped image by it.
    <div className="absolute inset-y-2" style={{ left, width }} data-clip={clip.id}>
      <ClipBody
        clip={clip}
        index={index}
        selected={clipSelected}
        invalid={hasProblem}
        width={width}
        pxPerMs={pxPerMs}
      />
      {/* Tab order follows time: start, interactions, end. */}
      <EntryHandle
        id={clip.start.id}
        kind="start"
        ms={clip.start.timestampMs}
        offsetPx={0}
        selected={selected.includes(clip.start.id)}
        problem={problems.get(clip.start.id)}
        prompt={clip.start.prompt}
      />
      {clip.interactions.map((interaction) => (
        <EntryHandle
          key={interaction.id}
          id={interaction.id}
          kind="interact"
          ms={interaction.timestampMs}
          offsetPx={(interaction.timestampMs - clip.start.timestampMs) * pxPerMs}
          selected={selected.includes(interaction.id)}
          problem={problems.get(interaction.id)}
          prompt={interaction.prompt}
        />
      ))}
      <EntryHandle
        id={clip.end.id}
        kind="end"
        ms={clip.end.timestampMs}
        offsetPx={width}
        selected={selected.includes(clip.end.id)}
        problem={problems.get(clip.end.id)}
      />
    </div>
  );
});

/** Selection without a store subscription: a thousand handles each subscribed slow every edit. */
function useSelect(): DraftActions["select"] {
  const store = useDraftStoreApi();
  return (...args) => store.getState().actions.select(...args);
}

function selectOnClick(event: MouseEvent, id: string, select: DraftActions["select"]) {
  event.stopPropagation();
  const mode = event.shiftKey || event.metaKey || event.ctrlKey ? "toggle" : "replace";
  select([id], mode);
}

/** Room an interaction's prompt needs on the clip before it is written there. */
const MIN_LABEL_PX = 56;

/**
 * The stream's body. Not a dnd-kit draggable itself: the track is, and a press here picks up
 * the stream by its data-clip-body (see TimelineTrack).
 */
const ClipBody = memo(function ClipBody({
  clip,
  index,
  selected,
  invalid,
  width,
  pxPerMs,
}: {
  clip: Clip;
  index: number;
  selected: boolean;
  invalid: boolean;
  width: number;
  pxPerMs: number;
}) {
  const dragSource = useDragSource();
  const isDragging = useIsMoving(clip.id);
  // The body stands for the whole stream: arrows and drags move it, Delete removes it.
  const select = useSelect();
  const color = clip.start.color;
  return (
    // Keys reach the track's dnd-kit listeners (Enter picks up) and the studio's shortcuts.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      {...dragSource}
      data-clip-body={clip.id}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      onClick={(event) => selectOnClick(event, clip.id, select)}
      onFocus={(event) => {
        if (!selected && event.currentTarget.matches(":focus-visible")) select([clip.id]);
      }}
      style={
        color
          ? {
              borderColor: color,
              backgroundColor: `color-mix(in srgb, ${color} ${selected ? 30 : 16}%, transparent)`,
            }
          : undefined
      }
      className={[
        "group absolute inset-0 flex cursor-grab touch-none overflow-hidden rounded-lg border text-left select-none active:cursor-grabbing",
        selected
          ? "border-accent-500 bg-accent-100 ring-2 ring-accent-500/40 dark:bg-accent-500/25"
          : "border-accent-300/70 bg-accent-50 hover:border-accent-400 dark:border-accent-500/40 dark:bg-accent-500/10",
        invalid ? "outline-2 -outline-offset-2 outline-red-500/80 outline-dashed" : "",
        isDragging ? "opacity-40" : "",
      ].join(" ")}
    >
      <ClipContent clip={clip} index={index} width={width} pxPerMs={pxPerMs} />
    </div>
  );
});

const ClipContent = memo(function ClipContent({
  clip,
  index,
  width,
  pxPerMs,
}: {
  clip: Clip;
  index: number;
  width: number;
  pxPerMs: number;
}) {
  const label = `stream ${index + 1} from ${formatSeconds(clip.start.timestampMs)} to ${formatSeconds(clip.end.timestampMs)}`;
  const color = clip.start.color;
  const name = streamName(clip, index);
  const durationMs = clip.end.timestampMs - clip.start.timestampMs;
  return (
    <>
      {width > 60 ? (
        clip.start.image ? (
          <img
            src={clip.start.image}
            alt=""
            draggable={false}
            className="h-full w-auto max-w-[45%] shrink-0 border-r border-black/5 object-cover"
          />
        ) : (
          // A prompt-only stream shows its colour where an image would be.
          <span
            aria-hidden
            className="m-1.5 mt-5 h-[calc(100%-1.625rem)] w-6 shrink-0 rounded bg-accent-400/60 dark:bg-accent-400/40"
            style={color ? { backgroundColor: color } : undefined}
          />
        )
      ) : null}
      <span className="relative min-w-0 flex-1 px-2 py-1.5 pt-5">
        {/* Named by its content, so the name holds the words a person sees (WCAG 2.5.3). */}
        <span className="sr-only">{label}: </span>
        <span className="block truncate text-xs font-semibold text-zinc-900 dark:text-zinc-100">
          {clip.start.prompt || clip.start.name ? (
            name
          ) : (
            <em className="font-normal text-zinc-600 dark:text-zinc-400">No prompt yet</em>
          )}
        </span>
        <span className="mt-0.5 block truncate text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400">
          {formatSeconds(durationMs)}
        </span>
      </span>
      <InteractionLabels clip={clip} width={width} pxPerMs={pxPerMs} />
    </>
  );
});

/** Each interaction's prompt on the clip, from its marker to the next one, where it fits. */
function InteractionLabels({
  clip,
  width,
  pxPerMs,
}: {
  clip: Clip;
  width: number;
  pxPerMs: number;
}) {
  return (
    <>
      {clip.interactions.map((interaction, i) => {
        const left = (interaction.timestampMs - clip.start.timestampMs) * pxPerMs;
        const next = clip.interactions[i + 1];
        const right = next ? (next.timestampMs - clip.start.timestampMs) * pxPerMs : width;
        const room = right - left - 12;
        if (room < MIN_LABEL_PX) return null;
        return (
          <span
            key={interaction.id}
            aria-hidden
            className="pointer-events-none absolute bottom-1.5 truncate rounded bg-white/80 px-1 text-[11px] leading-4 text-amber-900 dark:bg-zinc-900/80 dark:text-amber-200"
            style={{ left: left + 8, maxWidth: room }}
          >
            {interaction.prompt || "(no prompt)"}
          </span>
        );
      })}
    </>
  );
}

// Offsets by negative margins, not translate: at Fit a thousand handles each with a transform
// gave Chromium thousands of paint chunks, and composited layer assignment (Layerize) took
// 9-12 ms of every frame of a drag, 3 ms without them (bench:timeline).
const KIND_STYLE = {
  start: "top-0 -ml-[3px] h-full w-2.5 rounded-l-md bg-accent-500 cursor-ew-resize",
  end: "top-0 -ml-[7px] h-full w-2.5 rounded-r-md bg-zinc-500 dark:bg-zinc-400 cursor-ew-resize",
  interact: "top-0 -ml-1.5 h-full w-3 cursor-ew-resize",
} as const;

const EntryHandle = memo(function EntryHandle({
  id,
  kind,
  ms,
  offsetPx,
  selected,
  problem,
  prompt,
}: {
  id: string;
  kind: "start" | "interact" | "end";
  ms: number;
  offsetPx: number;
  selected: boolean;
  problem: string | undefined;
  prompt?: string;
}) {
  const dragSource = useDragSource();
  const isMoving = useIsMoving(id);
  const select = useSelect();
  const title = [prompt, problem].filter(Boolean).join("\n") || undefined;
  return (
    // Keys reach the track's dnd-kit listeners (Enter picks up) and the studio's shortcuts.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      {...dragSource}
      role="button"
      tabIndex={0}
      aria-label={entryLabel(kind, ms)}
      aria-pressed={selected}
      title={title}
      data-entry-id={id}
      onClick={(event) => selectOnClick(event, id, select)}
      onFocus={(event) => {
        // Keyboard focus selects; a click selects in its own handler, with shift or ctrl.
        if (
          event.target === event.currentTarget &&
          !selected &&
          event.currentTarget.matches(":focus-visible")
        ) {
          select([id]);
        }
      }}
      style={{ left: offsetPx }}
      className={[
        "group/handle absolute z-10 touch-none outline-offset-1 select-none",
        KIND_STYLE[kind],
        selected
          ? "z-20 ring-2 ring-accent-600 ring-offset-1 dark:ring-accent-400 dark:ring-offset-zinc-900"
          : "",
        isMoving ? "opacity-40" : "",
      ].join(" ")}
    >
      {kind === "interact" ? (
        <>
          <span className="absolute inset-y-0 left-[5px] w-0.5 bg-amber-500" />
          {/* Drawn, not a rotated square: at Fit 500 rotated squares were 500 transform nodes
              for the compositor to walk on every drag frame. No clip either (overflow-visible). */}
          <svg
            aria-hidden
            viewBox="0 0 18 18"
            className={[
              "absolute top-px left-1/2 -ml-[9px] size-[18px] overflow-visible stroke-white dark:stroke-zinc-900",
              selected ? "fill-amber-600" : "fill-amber-500 group-hover/handle:fill-amber-600",
            ].join(" ")}
          >
            <path d="M9 .8 17.2 9 9 17.2.8 9Z" strokeWidth="1" strokeLinejoin="round" />
          </svg>
        </>
      ) : null}
      {problem ? (
        <span
          aria-hidden
          className="absolute -top-1.5 left-1/2 -ml-1.5 size-3 rounded-full border-2 border-white bg-red-500 dark:border-zinc-900"
        />
      ) : null}
    </div>
  );
});
