// The classes of the kit's button, for a link or a label that must look like one.
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "bg-accent-600 text-white shadow-sm hover:bg-accent-700",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  danger:
    "border border-red-200 text-red-700 hover:bg-red-50 dark:border-red-500/30 dark:text-red-400 dark:hover:bg-red-500/10",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800",
  // An action inside running text or a message (Dismiss, Try again): the text's own colour.
  link: "underline underline-offset-2 hover:no-underline",
};

const SIZE: Record<ButtonSize, string> = {
  sm: "gap-1 rounded-md px-2.5 py-1 text-xs",
  md: "gap-1.5 rounded-lg px-3 py-1.5 text-sm",
  lg: "gap-2 rounded-lg px-4 py-2 text-sm",
};

export function buttonClassName(variant: ButtonVariant = "secondary", size: ButtonSize = "md") {
  return [
    "inline-flex items-center justify-center font-medium whitespace-nowrap transition-colors motion-reduce:transition-none disabled:cursor-not-allowed disabled:opacity-45 aria-disabled:cursor-not-allowed aria-disabled:opacity-45",
    VARIANT[variant],
    // A link sits in the text: it takes the text's size and no box of its own.
    variant === "link" ? "gap-1 rounded-sm" : SIZE[size],
  ].join(" ");
}
