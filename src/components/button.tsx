// The app's one button: every feature's actions share its variants, so a primary action looks
// the same in the studio, on a job page and in Settings.
import type { ButtonHTMLAttributes, Ref } from "react";
import { type ButtonSize, type ButtonVariant, buttonClassName } from "./button-class";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = "secondary",
  size = "md",
  className,
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={
        className
          ? `${buttonClassName(variant, size)} ${className}`
          : buttonClassName(variant, size)
      }
      {...props}
    />
  );
}
