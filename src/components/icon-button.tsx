import type { ReactNode } from "react";
import { StrokeIcon } from "./stroke-icon";

const LOOK = {
  ghost:
    "size-8 rounded-md text-zinc-700 hover:bg-zinc-100 aria-pressed:bg-accent-100 aria-pressed:text-accent-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-accent-500/20 dark:aria-pressed:text-accent-300",
  // The one control a panel is about (play in a preview): round and filled.
  solid:
    "size-9 rounded-full bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200",
} as const;

/** A square button with a stroked 24x24 icon; the label is its accessible name and tooltip. */
export function IconButton({
  label,
  onClick,
  disabled,
  children,
  shortcut,
  pressed,
  variant = "ghost",
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  /** The icon's shapes; a shape that should be filled says fill="currentColor". */
  children: ReactNode;
  shortcut?: string;
  /** For a toggle: whether it is on. */
  pressed?: boolean;
  variant?: keyof typeof LOOK;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      className={`inline-flex shrink-0 items-center justify-center transition-colors motion-reduce:transition-none disabled:pointer-events-none disabled:opacity-40 ${LOOK[variant]}`}
    >
      <StrokeIcon>{children}</StrokeIcon>
    </button>
  );
}
