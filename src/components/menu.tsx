// A menu that pops up at a point (a right-click): focus moves to its first item, ↑ / ↓ move
// between items, and Escape, a click elsewhere or leaving the window closes it.
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";

const ITEMS = "[role='menuitem']:not(:disabled)";

export function Menu({
  label,
  x,
  y,
  onClose,
  children,
}: {
  label: string;
  /** Where it opens, in viewport pixels; kept inside the window. */
  x: number;
  y: number;
  onClose: () => void;
  children: ReactNode;
}) {
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>(ITEMS)?.focus();
    const close = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", close, true);
    window.addEventListener("blur", onClose);
    return () => {
      window.removeEventListener("pointerdown", close, true);
      window.removeEventListener("blur", onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      items[(index + 1) % items.length]?.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      items[(index - 1 + items.length) % items.length]?.focus();
    }
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fixed z-50 max-h-[calc(100dvh-1rem)] min-w-52 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      style={{
        left: Math.max(8, Math.min(x, window.innerWidth - 220)),
        top: Math.max(8, Math.min(y, window.innerHeight - 400)),
      }}
    >
      {children}
    </div>
  );
}

export function MenuItem({
  children,
  onSelect,
  disabled = false,
  danger = false,
}: {
  children: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** Destroys something (Delete): in red. */
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      onClick={onSelect}
      className={[
        "flex w-full rounded-md px-3 py-1.5 text-left disabled:opacity-40",
        danger
          ? "text-red-600 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-500/10"
          : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
      ].join(" ")}
    >
      {children}
    </button>
  );
}
