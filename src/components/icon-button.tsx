import type { ReactNode } from "react";
import { StrokeIcon } from "./stroke-icon";

/** A square button with a stroked 24x24 icon; the label is its accessible name and tooltip. */
export function IconButton({
  label,
  onClick,
  disabled,
  children,
  shortcut,
  pressed,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  shortcut?: string;
  /** For a toggle: whether it is on. */
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-700 transition-colors motion-reduce:transition-none hover:bg-zinc-100 disabled:pointer-events-none disabled:opacity-40 aria-pressed:bg-accent-100 aria-pressed:text-accent-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-accent-500/20 dark:aria-pressed:text-accent-300"
    >
      <StrokeIcon>{children}</StrokeIcon>
    </button>
  );
}
