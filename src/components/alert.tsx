// A message: errors and warnings interrupt a screen reader (role alert), information and
// success wait their turn (role status). In the page's flow, floating over it, or over a video.
import type { ReactNode } from "react";
import { Button } from "./button";

export type AlertTone = "error" | "warning" | "info" | "success";

export type AlertLayout = "inline" | "compact" | "floating" | "overlay";

const TONE: Record<AlertTone, string> = {
  error:
    "border-red-300 bg-red-50 text-red-800 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-300",
  warning:
    "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200",
  info: "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-300",
};

// Over other content the message needs an opaque ground (the tones' dark grounds are tints).
const FLOATING: Record<AlertTone, string> = {
  error:
    "border-red-300 bg-red-50 text-red-900 dark:border-red-500/40 dark:bg-zinc-900 dark:text-red-200",
  warning:
    "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/40 dark:bg-zinc-900 dark:text-amber-200",
  info: "border-zinc-200 bg-white text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-500/40 dark:bg-zinc-900 dark:text-emerald-300",
};

const LAYOUT: Record<AlertLayout, (tone: AlertTone) => string> = {
  inline: (tone) =>
    `flex items-start justify-between gap-4 rounded-lg border px-3 py-2 text-sm ${TONE[tone]}`,
  // Under a field in a narrow column (the inspector's image zone), the size of the field's hint:
  // at 1024x768 a message in the inline size pushed the fields below it out of the panel.
  compact: (tone) =>
    `flex items-start justify-between gap-3 rounded-md border px-2 py-1 text-xs ${TONE[tone]}`,
  floating: (tone) =>
    `flex items-start justify-between gap-3 rounded-lg border px-3 py-2 text-sm shadow-lg ${FLOATING[tone]}`,
  // Fills a positioned box (a video that failed): the same words for every tone, on the dark.
  overlay: () =>
    "absolute inset-0 flex flex-col items-center justify-center gap-3 bg-zinc-950/85 p-6 text-center text-sm text-zinc-100",
};

export function Alert({
  tone = "error",
  title,
  children,
  onDismiss,
  dismissLabel = "Dismiss",
  className = "",
  id,
  live,
  label,
  action,
  layout = "inline",
}: {
  tone?: AlertTone;
  /** "floating" sits over the page (position it with className); "overlay" covers its box. */
  layout?: AlertLayout;
  title?: ReactNode;
  children?: ReactNode;
  onDismiss?: () => void;
  dismissLabel?: string;
  className?: string;
  id?: string;
  /**
   * Overrides the tone's role: "status" for a warning that must not interrupt (offline), false
   * for a message shown inside a live region the page keeps mounted, which already announces it.
   */
  live?: "alert" | "status" | false;
  /** Names the message, for a page that has several. */
  label?: string;
  /** A control beside the message, such as "Take over here". */
  action?: ReactNode;
}) {
  return (
    <div
      id={id}
      role={
        live === false
          ? undefined
          : (live ?? (tone === "error" || tone === "warning" ? "alert" : "status"))
      }
      aria-label={label}
      className={`${LAYOUT[layout](tone)} ${className}`}
    >
      <div className={layout === "overlay" ? "max-w-sm" : "min-w-0"}>
        {title ? <strong className="font-semibold">{title}</strong> : null}
        {title && children ? " " : null}
        {children}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
      {onDismiss ? (
        <Button variant="link" className="shrink-0" onClick={onDismiss}>
          {dismissLabel}
        </Button>
      ) : null}
    </div>
  );
}
