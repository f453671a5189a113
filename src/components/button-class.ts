// The classes of the kit's button, for a link or a label that must look like one.
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "bg-accent-600 text-white shadow-sm hover:bg-accent-700",
  secondary:
    "border border-zinc-300 bg-white shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800",
  danger:
    "border border-red-200 text-red-700 hover:bg-red-50 dark:border-red-500/30 dark:text-red-400 dark:hover:bg-red-500/10",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800",
};

const SIZE: Record<ButtonSize, string> = {
  sm: "gap-1 rounded-md px-2.5 py-1 text-xs",
  md: "gap-1.5 rounded-lg px-3 py-1.5 text-sm",
};

export function buttonClassName(variant: ButtonVariant = "secondary", size: ButtonSize = "md") {
  return [
    "inline-flex items-center justify-center font-medium whitespace-nowrap transition-colors motion-reduce:transition-none disabled:cursor-not-allowed disabled:opacity-45 aria-disabled:cursor-not-allowed aria-disabled:opacity-45",
    VARIANT[variant],
    SIZE[size],
  ].join(" ");
}
