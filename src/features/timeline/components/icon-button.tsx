import type { ReactNode } from "react";
import { StrokeIcon } from "../../../components/stroke-icon";

/** A square button with a stroked 24x24 icon; the label is its accessible name and tooltip. */
export function IconButton({
  label,
  onClick,
  disabled,
  children,
  shortcut,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  shortcut?: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex size-8 items-center justify-center rounded-md text-zinc-700 transition-colors hover:bg-zinc-100 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <StrokeIcon>{children}</StrokeIcon>
    </button>
  );
}
