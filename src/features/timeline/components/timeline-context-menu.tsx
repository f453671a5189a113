// The timeline's right-click menu: the registry's commands, acting at the time clicked.
import { useEffect, useRef } from "react";
import { type CommandId, MENU_COMMANDS } from "../commands/registry";
import { useCommand } from "../commands/use-commands";

export interface ContextMenuState {
  x: number;
  y: number;
  ms: number;
}

export function TimelineContextMenu({
  state,
  onClose,
}: {
  state: ContextMenuState;
  onClose: () => void;
}) {
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
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

  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [
      ...(menuRef.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? []),
    ];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      buttons[(index + 1) % buttons.length]?.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      buttons[(index - 1 + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label="Timeline actions"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fixed z-50 max-h-[calc(100dvh-1rem)] min-w-52 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      style={{
        left: Math.max(8, Math.min(state.x, window.innerWidth - 220)),
        top: Math.max(8, Math.min(state.y, window.innerHeight - 400)),
      }}
    >
      {MENU_COMMANDS.map((id) => (
        <MenuItem key={id} id={id} atMs={state.ms} onDone={onClose} />
      ))}
    </div>
  );
}

function MenuItem({ id, atMs, onDone }: { id: CommandId; atMs: number; onDone: () => void }) {
  const { command, enabled, run } = useCommand(id, atMs);
  return (
    <button
      type="button"
      role="menuitem"
      disabled={!enabled}
      onClick={() => {
        onDone();
        run();
      }}
      className={[
        "flex w-full rounded-md px-3 py-1.5 text-left disabled:opacity-40",
        command.danger
          ? "text-red-600 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-500/10"
          : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
      ].join(" ")}
    >
      {command.menuLabel ?? command.label}
    </button>
  );
}
