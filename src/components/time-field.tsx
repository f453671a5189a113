// The one time input: every field that takes a time (an entry's time, a stream's duration, the
// playhead) reads what people type the same way and commits on Enter or when it loses focus.
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from "react";
import { formatTime, parseTime, type TimeFormat } from "./time-format";

export function TimeField({
  label,
  hideLabel = false,
  valueMs,
  onCommit,
  hint,
  format = "seconds",
  inputClassName = "w-32",
  className,
  variant = "boxed",
}: {
  label: string;
  hideLabel?: boolean;
  valueMs: number;
  /** Applies the time; may return a note on what was done instead (e.g. a clamp). */
  onCommit: (ms: number) => string | null | void;
  /** Shown under the field while there is no message. */
  hint?: ReactNode;
  format?: TimeFormat;
  inputClassName?: string;
  className?: string;
  /** "inline" sits in a table cell, with a border only on hover and focus; "compact" in a bar. */
  variant?: "boxed" | "compact" | "inline";
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const editing = useRef(false);
  const [message, setMessage] = useState<{ text: string; invalid: boolean } | null>(null);
  const shown = formatTime(valueMs, format);

  // Drags, nudges and undo change the time under the field; show it unless it is being typed.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && !editing.current) input.value = shown;
  }, [shown]);

  const commit = () => {
    const input = inputRef.current;
    if (!input || !editing.current) return;
    const parsed = parseTime(input.value);
    if (!parsed.ok) {
      setMessage({ text: parsed.message, invalid: true });
      return;
    }
    editing.current = false;
    // What the rules allowed arrives as a new valueMs; until then show the old one.
    input.value = shown;
    const note = onCommit(parsed.ms);
    setMessage(note ? { text: note, invalid: false } : null);
  };

  const describedBy = message || hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium"}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        defaultValue={shown}
        aria-describedby={describedBy}
        aria-invalid={message?.invalid ?? false}
        onChange={() => {
          editing.current = true;
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          } else if (event.key === "Escape") {
            editing.current = false;
            event.currentTarget.value = shown;
            setMessage(null);
          }
        }}
        onBlur={commit}
        className={[
          "block border font-mono text-sm tabular-nums",
          variant === "inline"
            ? "rounded-md bg-transparent px-1.5 py-1 focus:border-accent-500"
            : variant === "compact"
              ? "rounded-md bg-white px-2 py-0.5 dark:bg-zinc-950"
              : "rounded-lg bg-white px-3 py-1.5 shadow-xs dark:bg-zinc-950",
          hideLabel ? "" : "mt-1.5",
          message?.invalid
            ? "border-red-500"
            : variant === "inline"
              ? "border-transparent hover:border-zinc-300 dark:hover:border-zinc-700"
              : "border-zinc-300 dark:border-zinc-700",
          inputClassName,
        ].join(" ")}
      />
      {describedBy ? (
        <p
          id={describedBy}
          className={[
            "mt-1 text-xs",
            message ? "text-amber-700 dark:text-amber-400" : "text-zinc-500",
          ].join(" ")}
        >
          {message?.text ?? hint}
        </p>
      ) : null}
    </div>
  );
}
