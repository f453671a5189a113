// A point on a scrubber that seeks there: a dot for a stream's start, a diamond for an
// interaction, dashed while the video has not reached it.
import type { ButtonHTMLAttributes } from "react";

export function SeekMarker({
  kind,
  seen,
  showing = false,
  className = "",
  ...props
}: {
  kind: "start" | "interact";
  /** The video is long enough to show it. */
  seen: boolean;
  /** The video is showing it now. */
  showing?: boolean;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "type">) {
  const interaction = kind === "interact";
  return (
    <button
      type="button"
      className={`flex size-6 items-center justify-center rounded-md hover:bg-zinc-100 dark:hover:bg-zinc-800 ${className}`}
      {...props}
    >
      <span
        aria-hidden
        className={[
          "block size-2.5 transition-transform",
          interaction ? "rotate-45 rounded-[2px]" : "rounded-full",
          !seen
            ? "border border-dashed border-zinc-400 dark:border-zinc-500"
            : interaction
              ? showing
                ? "bg-accent-600 ring-2 ring-accent-400/50 dark:bg-accent-400"
                : "bg-accent-500"
              : showing
                ? "bg-zinc-700 ring-2 ring-zinc-400/50 dark:bg-zinc-200"
                : "bg-zinc-400 dark:bg-zinc-500",
        ].join(" ")}
      />
    </button>
  );
}
