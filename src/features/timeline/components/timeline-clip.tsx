// One stream on the track: a body that moves the whole clip, a start handle, an end edge that
// resizes it, and its interactions as markers. Memoised on the clip object, which the model
// only replaces when the clip changes, so a drag's drop re-renders one clip.
import { useDraggable } from "@dnd-kit/core";
import { memo, type MouseEvent, use } from "react";
import { useDropzone } from "react-dropzone";
import { toast } from "sonner";
import { useShallow } from "zustand/react/shallow";
import { prepareImage } from "../adapters/images";
import { formatSeconds } from "../../../contract/format";
import type { Clip } from "../model/timeline";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { entryLabel, type DragData, MovingEntryContext } from "./drag-data";

interface ClipProps {
  clip: Clip;
  index: number;
  pxPerMs: number;
  /** Problems by entry id, as "id\tmessage" lines, so memo compares a string. */
  issues: string;
}

function parseIssues(issues: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!issues) return map;
  for (const line of issues.split("\n")) {
    const tab = line.indexOf("\t");
    const id = line.slice(0, tab);
    map.set(id, map.has(id) ? `${map.get(id)}; ${line.slice(tab + 1)}` : line.slice(tab + 1));
  }
  return map;
}

export const TimelineClip = memo(function TimelineClip({
  clip,
  index,
  pxPerMs,
  issues,
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
  const problems = parseIssues(issues);
  const left = clip.start.timestampMs * pxPerMs;
  const width = Math.max(2, (clip.end.timestampMs - clip.start.timestampMs) * pxPerMs);
  const clipSelected =
    selected.includes(clip.id) ||
    selected.includes(clip.start.id) ||
    selected.includes(clip.end.id);
  const hasProblem = problems.size > 0;

  const { getRootProps, isDragActive } = useClipImageDrop(clip.start.id);

  return (
    <div
      {...getRootProps({ className: "absolute inset-y-2", style: { left, width } })}
      data-clip={clip.id}
    >
      {isDragActive ? (
        <div className="pointer-events-none absolute inset-0 z-30 flex items-center justify-center rounded-lg border-2 border-dashed border-accent-500 bg-accent-500/20 text-xs font-medium text-accent-800 dark:text-accent-200">
          Drop to set this stream&apos;s image
        </div>
      ) : null}
      <ClipBody
        clip={clip}
        index={index}
        selected={clipSelected}
        invalid={hasProblem}
        width={width}
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

/** Every stream's start takes an image dropped on its clip, as the inspector's zone does. */
function useClipImageDrop(startId: string) {
  const store = useDraftStoreApi();
  return useDropzone({
    noClick: true,
    noKeyboard: true,
    multiple: false,
    noDragEventsBubbling: true,
    onDrop: (accepted, rejected) => {
      const file = accepted[0] ?? rejected[0]?.file;
      if (!file) return;
      const { timeline, actions } = store.getState();
      prepareImage(file, timeline.portrait).then(
        (result) => {
          if (result.ok) actions.setImage(startId, result.dataUrl, file);
          else toast.error(result.message);
        },
        () => toast.error(`${file.name} could not be read as an image.`),
      );
    },
  });
}

function useSelectOnClick(id: string) {
  const { select } = useDraftActions();
  return (event: MouseEvent) => {
    event.stopPropagation();
    const mode = event.shiftKey || event.metaKey || event.ctrlKey ? "toggle" : "replace";
    select([id], mode);
  };
}

function ClipBody({
  clip,
  index,
  selected,
  invalid,
  width,
}: {
  clip: Clip;
  index: number;
  selected: boolean;
  invalid: boolean;
  width: number;
}) {
  const data: DragData = { kind: "clip", id: clip.id, originMs: clip.start.timestampMs };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `clip:${clip.id}`,
    data,
  });
  // The body stands for the whole stream: arrows and drags move it, Delete removes it.
  const onClick = useSelectOnClick(clip.id);
  const { select } = useDraftActions();
  const label = `stream ${index + 1} from ${formatSeconds(clip.start.timestampMs)} to ${formatSeconds(clip.end.timestampMs)}`;
  return (
    // dnd-kit's attributes and listeners make this a focusable button with key handling.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      onClick={onClick}
      onFocus={(event) => {
        if (!selected && event.currentTarget.matches(":focus-visible")) select([clip.id]);
      }}
      className={[
        "group absolute inset-0 flex cursor-grab touch-none overflow-hidden rounded-lg border text-left select-none active:cursor-grabbing",
        selected
          ? "border-accent-500 bg-accent-100 ring-2 ring-accent-500/40 dark:bg-accent-500/25"
          : "border-accent-300/70 bg-accent-50 hover:border-accent-400 dark:border-accent-500/40 dark:bg-accent-500/10",
        invalid ? "outline-2 -outline-offset-2 outline-red-500/80 outline-dashed" : "",
        isDragging ? "opacity-40" : "",
      ].join(" ")}
    >
      {clip.start.image && width > 60 ? (
        <img
          src={clip.start.image}
          alt=""
          draggable={false}
          className="h-full w-auto max-w-[45%] shrink-0 border-r border-black/5 object-cover"
        />
      ) : null}
      <span className="min-w-0 flex-1 px-2.5 py-1.5 pt-5">
        <span className="block truncate text-xs font-medium text-zinc-900 dark:text-zinc-100">
          {clip.start.prompt || <em className="font-normal text-zinc-500">No prompt yet</em>}
        </span>
        <span className="mt-0.5 block truncate text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
          {formatSeconds(clip.end.timestampMs - clip.start.timestampMs)}
          {clip.interactions.length > 0
            ? ` · ${clip.interactions.length} interaction${clip.interactions.length === 1 ? "" : "s"}`
            : ""}
        </span>
      </span>
    </div>
  );
}

const KIND_STYLE = {
  start: "top-0 -translate-x-[3px] h-full w-2.5 rounded-l-md bg-accent-500 cursor-ew-resize",
  end: "top-0 -translate-x-[7px] h-full w-2.5 rounded-r-md bg-zinc-500 dark:bg-zinc-400 cursor-ew-resize",
  interact: "top-0 -translate-x-1/2 h-full w-3 cursor-ew-resize",
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
  const data: DragData = { kind, id, originMs: ms };
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: `entry:${id}`,
    data,
  });
  const isMoving = use(MovingEntryContext) === id;
  const onClick = useSelectOnClick(id);
  const { select } = useDraftActions();
  const title = [prompt, problem].filter(Boolean).join("\n") || undefined;
  return (
    // dnd-kit's attributes and listeners make this a focusable button with key handling.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-label={entryLabel(kind, ms)}
      aria-pressed={selected}
      title={title}
      data-entry-id={id}
      onClick={onClick}
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
          <span className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 bg-amber-500" />
          <span
            className={[
              "absolute top-1 left-1/2 size-3 -translate-x-1/2 rotate-45 rounded-[2px] border border-white shadow-sm dark:border-zinc-900",
              selected ? "bg-amber-600" : "bg-amber-500 group-hover/handle:bg-amber-600",
            ].join(" ")}
          />
        </>
      ) : null}
      {problem ? (
        <span
          aria-hidden
          className="absolute -top-1.5 left-1/2 size-3 -translate-x-1/2 rounded-full border-2 border-white bg-red-500 dark:border-zinc-900"
        />
      ) : null}
    </div>
  );
});
