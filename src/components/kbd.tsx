import type { ReactNode } from "react";

const SIZE = { md: "px-1.5 py-0.5 text-xs", sm: "px-1 text-[10px] leading-tight" } as const;

/** A key as it is printed on the keyboard; "sm" sits in a line of small print. */
export function Kbd({ children, size = "md" }: { children: ReactNode; size?: keyof typeof SIZE }) {
  return (
    <kbd
      className={`rounded border border-zinc-300 bg-zinc-50 font-sans whitespace-nowrap dark:border-zinc-700 dark:bg-zinc-800 ${SIZE[size]}`}
    >
      {children}
    </kbd>
  );
}
