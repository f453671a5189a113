// The app's one button: every feature's actions share its variants, so a primary action looks
// the same in the studio, on a job page and in Settings.
import type { ButtonHTMLAttributes, Ref } from "react";
import { type ButtonSize, type ButtonVariant, buttonClassName } from "./button-class";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Its action is under way (a submission): the button keeps focus and its place in the tab
   * order, says it is unavailable (aria-disabled) and ignores clicks until it is done.
   */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = "secondary",
  size = "md",
  pending = false,
  className,
  type = "button",
  onClick,
  "aria-disabled": ariaDisabled,
  ...props
}: ButtonProps) {
  const classes = [
    buttonClassName(variant, size),
    // Important: the kit's aria-disabled look would otherwise win, and waiting is not refusing.
    pending ? "cursor-wait! opacity-70!" : "",
    className ?? "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <button
      type={type}
      className={classes}
      {...props}
      aria-disabled={pending || ariaDisabled || undefined}
      aria-busy={pending || undefined}
      onClick={pending ? undefined : onClick}
    />
  );
}
