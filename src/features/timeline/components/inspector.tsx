// The inspector: exact editing of the selected entry (prompt, time, image) or of a group.
import { useEffect, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { formatCount, formatSeconds } from "../../../contract/format";
import { MAX_PROMPT_CHARS } from "../../../contract/script";
import { usePromptHistoryKeys } from "../hooks/use-prompt-history-keys";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { liveSelection, selectedEntry } from "../store/draft-store";
import { latestInteractionMs, locateEntry } from "../model/operations";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { entryNoun } from "./drag-data";
import { ImageDropZone } from "./image-drop-zone";
import { PROMPT_FIELD_ID } from "./focus-prompt";
import { removeAndRefocus } from "./remove-and-refocus";

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function Inspector() {
  const selection = useDraftStore(useShallow((s) => liveSelection(s)));
  const entry = useDraftStore(
    useShallow((s) => {
      const ref = selectedEntry({ selection: liveSelection(s), timeline: s.timeline });
      if (!ref) return null;
      const interaction =
        ref.kind === "interact" ? ref.clip.interactions[ref.interactionIndex] : undefined;
      return {
        id:
          ref.kind === "start"
            ? ref.clip.start.id
            : ref.kind === "end"
              ? ref.clip.end.id
              : (interaction?.id ?? ""),
        kind: ref.kind,
        ms: ref.timestampMs,
        prompt: ref.kind === "start" ? ref.clip.start.prompt : (interaction?.prompt ?? ""),
        image: ref.kind === "start" ? ref.clip.start.image : undefined,
        clipStartMs: ref.clip.start.timestampMs,
        clipEndMs: ref.clip.end.timestampMs,
        streamNumber: s.timeline.clips.indexOf(ref.clip) + 1,
      };
    }),
  );
  const actions = useDraftActions();
  const store = useDraftStoreApi();

  if (selection.length > 1) {
    return (
      <Panel title={`${selection.length} entries selected`}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Drag any of them or use the arrow keys to move them together. A selected start or end
          moves its whole stream.
        </p>
        <div className="mt-4 flex gap-2">
          <SecondaryButton onClick={() => actions.duplicate(selection)}>Duplicate</SecondaryButton>
          <DangerButton onClick={() => removeAndRefocus(store, selection)}>
            Delete selected
          </DangerButton>
        </div>
      </Panel>
    );
  }

  if (!entry) {
    return (
      <Panel title="Inspector">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Select a start, an interaction or an end on the timeline to edit its prompt, time and
          image.
        </p>
        <ul className="mt-4 space-y-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          <li>
            <Kbd>Tab</Kbd> to an entry, <Kbd>←</Kbd> <Kbd>→</Kbd> to nudge it
          </li>
          <li>
            <Kbd>Enter</Kbd> picks it up to drag with the keyboard
          </li>
          <li>
            <Kbd>Space</Kbd> plays the preview, <Kbd>?</Kbd> lists every shortcut
          </li>
        </ul>
      </Panel>
    );
  }

  const noun = entryNoun(entry.kind);
  const title =
    entry.kind === "interact"
      ? `Interaction in stream ${entry.streamNumber}`
      : `Stream ${entry.streamNumber} ${noun}`;
  return (
    <Panel title={title}>
      <div className="space-y-4">
        {entry.kind !== "end" ? (
          <PromptField key={`prompt:${entry.id}`} id={entry.id} prompt={entry.prompt} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The stream lasts {formatSeconds(entry.clipEndMs - entry.clipStartMs)}. Drag its end, or
            type a time, to change that.
          </p>
        )}
        <TimestampField key={`time:${entry.id}`} id={entry.id} ms={entry.ms} />
        {entry.kind === "start" ? <ImageDropZone startId={entry.id} image={entry.image} /> : null}
        <EntryProblems id={entry.id} />
        <DangerButton onClick={() => removeAndRefocus(store, [entry.id])}>
          {entry.kind === "interact" ? "Delete interaction" : "Delete stream"}
        </DangerButton>
      </div>
    </Panel>
  );
}

function PromptField({ id, prompt }: { id: string; prompt: string }) {
  const { setPrompt, endHistoryGroup } = useDraftActions();
  const onHistoryKey = usePromptHistoryKeys();
  const count = countCodePoints(prompt);
  const over = count > MAX_PROMPT_CHARS;
  return (
    <div>
      <div className="flex items-baseline justify-between">
        <label htmlFor={PROMPT_FIELD_ID} className="text-sm font-medium">
          Prompt
        </label>
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
        rows={4}
        aria-describedby={`${PROMPT_FIELD_ID}-count`}
        aria-invalid={over || prompt.trim() === ""}
        placeholder="What the world model should show, e.g. “a rainy neon street at night”"
        onChange={(event) => setPrompt(id, event.target.value)}
        onKeyDown={onHistoryKey}
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
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fieldId = `inspector-time-${id}`;

  // Drags, nudges and undo change the time under the field; show it unless it is being typed.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input) input.value = (ms / 1000).toFixed(2);
  }, [ms]);

  const commit = () => {
    const input = inputRef.current;
    if (!input) return;
    const text = input.value.trim().replace(/\s*s$/, "").replace(",", ".");
    const seconds = Number(text);
    if (text === "" || !Number.isFinite(seconds) || seconds < 0) {
      setMessage("Enter a time in seconds, like 3.25");
      return;
    }
    const wanted = Math.round(seconds * 1000);
    moveEntry(id, wanted);
    const ref = locateEntry(store.getState().timeline, id);
    const now = ref?.timestampMs ?? wanted;
    input.value = (now / 1000).toFixed(2);
    const atLastFrame =
      ref?.kind === "interact" && wanted > now && now === latestInteractionMs(ref.clip);
    setMessage(
      now === wanted
        ? null
        : atLastFrame
          ? `Kept at ${formatSeconds(now)}, its stream's last frame: an interaction any later would never be seen.`
          : `Kept at ${formatSeconds(now)}: interactions stay inside their stream and by its last frame, streams never overlap and last at least 1 s.`,
    );
  };

  return (
    <div>
      <label htmlFor={fieldId} className="text-sm font-medium">
        Time (seconds)
      </label>
      <input
        ref={inputRef}
        id={fieldId}
        type="text"
        inputMode="decimal"
        defaultValue={(ms / 1000).toFixed(2)}
        aria-describedby={`${fieldId}-hint`}
        aria-invalid={message?.startsWith("Enter") ?? false}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          } else if (event.key === "Escape") {
            event.currentTarget.value = (ms / 1000).toFixed(2);
            setMessage(null);
          }
        }}
        onBlur={commit}
        className="mt-1.5 block w-32 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 font-mono text-sm tabular-nums shadow-xs dark:border-zinc-700 dark:bg-zinc-950"
      />
      <p
        id={`${fieldId}-hint`}
        className={[
          "mt-1 text-xs",
          message ? "text-amber-700 dark:text-amber-400" : "text-zinc-500",
        ].join(" ")}
      >
        {message ?? "Press Enter to apply."}
      </p>
    </div>
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

export function Panel({
  title,
  children,
  actions,
}: {
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className="min-h-0 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-sans text-xs dark:border-zinc-700 dark:bg-zinc-800">
      {children}
    </kbd>
  );
}

export function SecondaryButton({
  children,
  onClick,
  disabled,
}: {
  children: React.ReactNode;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-xs hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
    >
      {children}
    </button>
  );
}

function DangerButton({ children, onClick }: { children: React.ReactNode; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-lg border border-red-200 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-500/30 dark:text-red-400 dark:hover:bg-red-500/10"
    >
      {children}
    </button>
  );
}
