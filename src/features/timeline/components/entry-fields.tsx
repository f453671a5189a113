// The inspector's editor for one entry (prompt, time, image, duration, look): kept off the
// studio's first load, since nothing shows it until an entry is selected (see studio-chunks.ts).
import { memo, useRef } from "react";
import { TimeField } from "../../../components/time-field";
import { formatCount, formatSeconds } from "../../../contract/format";
import { MAX_PROMPT_CHARS } from "../../../contract/script";
import { usePromptHistory } from "../hooks/use-prompt-history-keys";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { latestInteractionMs, locateEntry } from "../model/operations";
import { STREAM_COLORS } from "../model/stream-look";
import { useDraftActions, useDraftStoreApi } from "../store/use-draft-store";
import { PROMPT_FIELD_ID } from "./focus-prompt";
import { LazyImageDropZone } from "./lazy-image-drop-zone";
import { PromptHistory } from "./prompt-history";

/** The selected entry, as the inspector reads it from the draft. */
export interface EditedEntry {
  id: string;
  kind: NonNullable<ReturnType<typeof locateEntry>>["kind"];
  ms: number;
  prompt: string;
  image: string | undefined;
  clipId: string;
  clipStartMs: number;
  clipEndMs: number;
  streamName: string;
  name: string | undefined;
  color: string | undefined;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The fields of the inspector's panel: in one column, or in two when the panel is wide (what
 * is typed on the left, the stream's image and length on the right).
 */
// Memoised: while the inspector waits on a new selection (see inspector.tsx) it renders the same
// entry again, and the fields need not.
export const EntryFields = memo(function EntryFields({ entry }: { entry: EditedEntry }) {
  const stream = entry.kind !== "interact";
  return (
    <div className={stream ? "grid gap-3 @[30rem]:grid-cols-2" : "grid gap-3"}>
      <div className="min-w-0 space-y-3">
        {entry.kind !== "end" ? (
          <PromptField key={`prompt:${entry.id}`} id={entry.id} prompt={entry.prompt} />
        ) : null}
        <TimestampField key={`time:${entry.id}`} id={entry.id} ms={entry.ms} />
        <EntryProblems id={entry.id} />
        {stream ? (
          <StreamLookFields
            key={`look:${entry.clipId}`}
            clipId={entry.clipId}
            name={entry.name}
            defaultName={entry.streamName}
            color={entry.color}
          />
        ) : null}
      </div>
      {stream ? (
        <div className="min-w-0 space-y-3">
          {entry.kind === "start" ? (
            // Keyed by the start, so one start's image error never shows on another.
            <LazyImageDropZone key={`image:${entry.id}`} startId={entry.id} image={entry.image} />
          ) : null}
          <DurationField
            key={`duration:${entry.clipId}`}
            clipId={entry.clipId}
            ms={entry.clipEndMs - entry.clipStartMs}
          />
        </div>
      ) : null}
    </div>
  );
});

function PromptField({ id, prompt }: { id: string; prompt: string }) {
  const { setPrompt, endHistoryGroup } = useDraftActions();
  const history = usePromptHistory();
  const count = countCodePoints(prompt);
  const over = count > MAX_PROMPT_CHARS;
  return (
    <div>
      <div className="flex items-baseline justify-between">
        <label htmlFor={PROMPT_FIELD_ID} className="text-sm font-medium">
          Prompt
        </label>
        {/* Before the field, so Tab still goes from the prompt to its time. */}
        <PromptHistory id={id} prompt={prompt} />
        <span
          id={`${PROMPT_FIELD_ID}-count`}
          className={[
            "text-xs tabular-nums",
            over ? "font-semibold text-red-600 dark:text-red-400" : "text-zinc-500",
          ].join(" ")}
        >
          {formatCount(count)} / {formatCount(MAX_PROMPT_CHARS)}
        </span>
      </div>
      <textarea
        id={PROMPT_FIELD_ID}
        value={prompt}
        rows={3}
        aria-describedby={`${PROMPT_FIELD_ID}-count`}
        aria-invalid={over || prompt.trim() === ""}
        placeholder="What the world model should show, e.g. “a rainy neon street at night”"
        onChange={(event) => setPrompt(id, event.target.value)}
        {...history}
        onBlur={endHistoryGroup}
        className={[
          "mt-1.5 block w-full resize-y rounded-lg border bg-white px-3 py-2 text-sm shadow-xs dark:bg-zinc-950",
          over ? "border-red-500" : "border-zinc-300 dark:border-zinc-700",
        ].join(" ")}
      />
    </div>
  );
}

function TimestampField({ id, ms }: { id: string; ms: number }) {
  const store = useDraftStoreApi();
  const { moveEntry } = useDraftActions();
  return (
    <TimeField
      label="Time (seconds)"
      valueMs={ms}
      hint="Press Enter to apply."
      onCommit={(wanted) => {
        moveEntry(id, wanted);
        const ref = locateEntry(store.getState().timeline, id);
        const now = ref?.timestampMs ?? wanted;
        if (now === wanted) return null;
        const atLastFrame =
          ref?.kind === "interact" && wanted > now && now === latestInteractionMs(ref.clip);
        return atLastFrame
          ? `Kept at ${formatSeconds(now)}, its stream's last frame: an interaction any later would never be seen.`
          : `Kept at ${formatSeconds(now)}: interactions stay inside their stream and by its last frame, streams never overlap and last at least 1 s.`;
      }}
    />
  );
}

function DurationField({ clipId, ms }: { clipId: string; ms: number }) {
  const store = useDraftStoreApi();
  const { setStreamDuration } = useDraftActions();
  return (
    <TimeField
      label="Duration (seconds)"
      valueMs={ms}
      onCommit={(wanted) => {
        setStreamDuration(clipId, wanted);
        const clip = store.getState().timeline.clips.find((c) => c.id === clipId);
        const now = clip ? clip.end.timestampMs - clip.start.timestampMs : wanted;
        return now === wanted
          ? null
          : `Kept at ${formatSeconds(now)}: a stream lasts at least 1 s, holds its interactions and stops at the next stream (turn on Ripple to push it).`;
      }}
    />
  );
}

/** Below lg the studio stacks and nothing is short of height; above it, a tall window. */
const roomForLook = () =>
  typeof window.matchMedia !== "function" ||
  window.matchMedia("(max-width: 63.99rem), (min-height: 52rem)").matches;

/** The stream's name and colour on the timeline; neither goes into the script. */
function StreamLookFields({
  clipId,
  name,
  defaultName,
  color,
}: {
  clipId: string;
  name: string | undefined;
  defaultName: string;
  color: string | undefined;
}) {
  const { setStreamLook, endHistoryGroup } = useDraftActions();
  const nameId = `stream-name-${clipId}`;
  const swatch = color || "var(--color-accent-100)";
  const openedByHand = useRef(false);
  return (
    // Folded when the window is short: they only dress the timeline, and open they would not
    // leave the editor row room for the rest at 1024x768. The summary still says what they are.
    <details
      className="group"
      open={roomForLook()}
      // Opened by the creator in a short window, the fields land below the inspector's fold:
      // bring them up. (The toggle event also comes when it mounts open; that one is left be.)
      onToggle={(event) => {
        if (event.currentTarget.open && openedByHand.current) {
          event.currentTarget.scrollIntoView?.({ block: "nearest" });
        }
        openedByHand.current = false;
      }}
    >
      <summary
        className="flex cursor-pointer items-center gap-2 text-sm font-medium"
        // A click, or Enter or Space on the focused summary, which the browser turns into one.
        onClick={() => (openedByHand.current = true)}
      >
        <span aria-hidden className="text-zinc-400 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="shrink-0">Name and colour</span>
        <span
          aria-hidden
          className="size-3 shrink-0 rounded-full border border-black/10 dark:border-white/20"
          style={{ backgroundColor: swatch }}
        />
        <span className="min-w-0 truncate font-normal text-zinc-500">{name || defaultName}</span>
      </summary>
      <div className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-3">
        <div className="min-w-40 flex-1">
          <label htmlFor={nameId} className="text-sm font-medium">
            Stream name
          </label>
          <input
            id={nameId}
            type="text"
            value={name ?? ""}
            placeholder={defaultName}
            maxLength={80}
            onChange={(event) => setStreamLook(clipId, { name: event.target.value })}
            onBlur={endHistoryGroup}
            className="mt-1.5 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-950"
          />
        </div>
        <fieldset className="flex items-center gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Colour</legend>
          {[{ name: "Default", value: undefined }, ...STREAM_COLORS].map((option) => (
            <label
              key={option.name}
              title={option.name}
              className="relative size-6 cursor-pointer rounded-full border border-black/10 has-[:checked]:ring-2 has-[:checked]:ring-zinc-900 has-[:checked]:ring-offset-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 dark:border-white/20 dark:has-[:checked]:ring-white dark:has-[:checked]:ring-offset-zinc-900"
              style={{ backgroundColor: option.value ?? "var(--color-accent-100)" }}
            >
              <input
                type="radio"
                name={`stream-color-${clipId}`}
                aria-label={option.name}
                checked={color === option.value}
                onChange={() => setStreamLook(clipId, { color: option.value ?? "" })}
                className="absolute inset-0 cursor-pointer appearance-none rounded-full"
              />
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}

function EntryProblems({ id }: { id: string }) {
  const { problems } = useTimelineCheck();
  const mine = problems.filter((p) => p.entryId === id);
  if (mine.length === 0) return null;
  return (
    <ul className="space-y-1 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-500/10 dark:text-red-300">
      {mine.map((p) => (
        <li key={`${p.code}:${p.field}`} className="first-letter:uppercase">
          {p.message}
        </li>
      ))}
    </ul>
  );
}
