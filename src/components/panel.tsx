// A titled card: a region named by its title, so it is a landmark for screen readers.
import type { ReactNode } from "react";

export function Panel({
  title,
  children,
  actions,
  className = "",
  titleHidden = false,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** Keeps the title as the region's name without showing it. */
  titleHidden?: boolean;
}) {
  return (
    <section
      aria-label={title}
      className={`min-h-0 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      {titleHidden && !actions ? null : (
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 className={titleHidden ? "sr-only" : "min-w-0 truncate text-sm font-semibold"}>
            {title}
          </h2>
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
