import type { ReactNode } from "react";

/** A key as it is printed on the keyboard. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-sans text-xs whitespace-nowrap dark:border-zinc-700 dark:bg-zinc-800">
      {children}
    </kbd>
  );
}
