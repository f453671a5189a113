// The timeline's right-click menu: the same commands as the toolbar and keys, at a time.
import { useEffect, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { clipAt, clipToEndAt } from "../model/operations";
import { liveSelection } from "../store/draft-store";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { removeAndRefocus } from "./remove-and-refocus";

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
  const actions = useDraftActions();
  const store = useDraftStoreApi();
  const inClip = useDraftStore((s) => clipAt(s.timeline, state.ms) !== null);
  const canEnd = useDraftStore((s) => clipToEndAt(s.timeline, state.ms) !== null);
  const hasClipboard = useDraftStore((s) => s.clipboard !== null);
  const selection = useDraftStore(useShallow((s) => liveSelection(s)));
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

  const items: { label: string; disabled?: boolean; run: () => void; danger?: boolean }[] = [
    { label: "Add stream here", run: () => actions.addStream(state.ms) },
    {
      label: "Add interaction here",
      disabled: !inClip,
      run: () => actions.addInteraction(state.ms),
    },
    { label: "End stream here", disabled: !canEnd, run: () => actions.addEnd(state.ms) },
    { label: "Move playhead here", run: () => actions.setPlayhead(state.ms) },
    { label: "Paste here", disabled: !hasClipboard, run: () => actions.paste(null, state.ms) },
    { label: "Copy", disabled: selection.length === 0, run: () => actions.copy(selection) },
    {
      label: "Duplicate",
      disabled: selection.length === 0,
      run: () => actions.duplicate(selection),
    },
    {
      label: "Delete",
      disabled: selection.length === 0,
      danger: true,
      run: () => removeAndRefocus(store, selection),
    },
  ];

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
      className="fixed z-50 min-w-52 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      style={{
        left: Math.min(state.x, window.innerWidth - 220),
        top: Math.min(state.y, window.innerHeight - 320),
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          disabled={item.disabled}
          onClick={() => {
            item.run();
            onClose();
          }}
          className={[
            "flex w-full rounded-md px-3 py-1.5 text-left disabled:opacity-40",
            item.danger
              ? "text-red-600 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-500/10"
              : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
          ].join(" ")}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
