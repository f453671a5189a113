// A message in the page's flow: errors and warnings interrupt a screen reader (role alert),
// information and success wait their turn (role status).
import type { ReactNode } from "react";

export type AlertTone = "error" | "warning" | "info" | "success";

const TONE: Record<AlertTone, string> = {
  error:
    "border-red-300 bg-red-50 text-red-800 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-300",
  warning:
    "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200",
  info: "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-300",
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
}: {
  tone?: AlertTone;
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
      className={`flex items-start justify-between gap-4 rounded-lg border px-3 py-2 text-sm ${TONE[tone]} ${className}`}
    >
      <div className="min-w-0">
        {title ? <strong className="font-semibold">{title}</strong> : null}
        {title && children ? " " : null}
        {children}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
      {onDismiss ? (
        <button type="button" className="shrink-0 font-medium underline" onClick={onDismiss}>
          {dismissLabel}
        </button>
      ) : null}
    </div>
  );
}
