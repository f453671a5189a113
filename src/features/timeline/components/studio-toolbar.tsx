// The editor's main toolbar: adding entries, undo and redo, orientation and the view.
import { useState } from "react";
import { clipAt, clipToEndAt } from "../model/operations";
import { useDraftActions, useDraftHistory, useDraftStore } from "../store/use-draft-store";
import { focusPromptSoon } from "./focus-prompt";
import { MOD } from "./platform";
import { StrokeIcon } from "../../../components/stroke-icon";

export type StudioView = "timeline" | "list";

export function StudioToolbar({
  view,
  onViewChange,
  onOrientationChange,
  onShowShortcuts,
}: {
  view: StudioView;
  onViewChange: (view: StudioView) => void;
  /** Resolves once the images are re-cropped and the change is made. */
  onOrientationChange: (portrait: boolean) => Promise<void>;
  onShowShortcuts: () => void;
}) {
  const actions = useDraftActions();
  const canInteract = useDraftStore((s) => clipAt(s.timeline, s.playheadMs) !== null);
  const canEnd = useDraftStore((s) => clipToEndAt(s.timeline, s.playheadMs) !== null);
  const current = useDraftStore((s) => s.timeline.portrait);
  // Re-cropping takes a moment: the radio shows the choice at once.
  const [pending, setPending] = useState<boolean | null>(null);
  const portrait = pending ?? current;
  const canUndo = useDraftHistory((h) => h.pastStates.length > 0);
  const canRedo = useDraftHistory((h) => h.futureStates.length > 0);
  const undo = useDraftHistory((h) => h.undo);
  const redo = useDraftHistory((h) => h.redo);

  return (
    <div
      role="toolbar"
      aria-label="Editor"
      className="flex flex-wrap items-center gap-2 rounded-xl border border-zinc-200 bg-white p-2 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <ToolButton
        primary
        title="Add a stream at the playhead, or after the last one"
        onClick={() => {
          actions.addStream();
          focusPromptSoon();
        }}
      >
        <Plus /> Add stream
      </ToolButton>
      <ToolButton
        title={
          canInteract
            ? "Add an interaction at the playhead"
            : "Move the playhead inside a stream to add an interaction"
        }
        disabled={!canInteract}
        onClick={() => {
          if (actions.addInteraction()) focusPromptSoon();
        }}
      >
        <Plus /> Add interaction
      </ToolButton>
      <ToolButton
        title={
          canEnd
            ? "End the stream at the playhead"
            : "Move the playhead after a stream's start to end it there"
        }
        disabled={!canEnd}
        onClick={() => actions.addEnd()}
      >
        <Plus /> Add end
      </ToolButton>
      <Divider />
      <ToolButton title={`Undo (${MOD}Z)`} disabled={!canUndo} onClick={() => undo()}>
        <Icon d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" /> Undo
      </ToolButton>
      <ToolButton title={`Redo (${MOD}Shift+Z)`} disabled={!canRedo} onClick={() => redo()}>
        <Icon d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" /> Redo
      </ToolButton>
      <Divider />
      <fieldset className="flex items-center gap-1 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
        <legend className="sr-only">Orientation</legend>
        {(["Landscape", "Portrait"] as const).map((label) => {
          const value = label === "Portrait";
          return (
            <label
              key={label}
              className={[
                "relative flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
                portrait === value
                  ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-white"
                  : "text-zinc-600 dark:text-zinc-400",
              ].join(" ")}
            >
              <input
                type="radio"
                name="orientation"
                className="absolute inset-0 cursor-pointer appearance-none rounded-md opacity-0"
                checked={portrait === value}
                onChange={() => {
                  setPending(value);
                  void onOrientationChange(value).finally(() => setPending(null));
                }}
              />
              <span
                aria-hidden
                className={[
                  "inline-block rounded-[2px] border-[1.5px] border-current",
                  value ? "h-3.5 w-2" : "h-2 w-3.5",
                ].join(" ")}
              />
              {label}
            </label>
          );
        })}
      </fieldset>
      <div className="ml-auto flex items-center gap-2">
        <fieldset className="flex items-center gap-1 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
          <legend className="sr-only">View</legend>
          {(["timeline", "list"] as const).map((value) => (
            <label
              key={value}
              className={[
                "relative cursor-pointer rounded-md px-2.5 py-1 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
                view === value
                  ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-white"
                  : "text-zinc-600 dark:text-zinc-400",
              ].join(" ")}
            >
              <input
                type="radio"
                name="view"
                className="absolute inset-0 cursor-pointer appearance-none rounded-md opacity-0"
                checked={view === value}
                onChange={() => onViewChange(value)}
              />
              {value === "timeline" ? "Timeline view" : "List view"}
            </label>
          ))}
        </fieldset>
        <ToolButton title="Keyboard shortcuts (?)" onClick={onShowShortcuts}>
          <span aria-hidden className="font-semibold">
            ?
          </span>
          <span className="sr-only">Keyboard shortcuts</span>
        </ToolButton>
      </div>
    </div>
  );
}

function ToolButton({
  children,
  onClick,
  disabled,
  title,
  primary,
}: {
  children: React.ReactNode;
  onClick: () => void;
  disabled?: boolean;
  title: string;
  primary?: boolean;
}) {
  return (
    <button
      type="button"
      title={title}
      onClick={onClick}
      disabled={disabled}
      className={[
        "inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-45",
        primary
          ? "bg-accent-600 text-white shadow-sm hover:bg-accent-700"
          : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800",
      ].join(" ")}
    >
      {children}
    </button>
  );
}

function Divider() {
  return <span aria-hidden className="mx-1 h-6 w-px bg-zinc-200 dark:bg-zinc-700" />;
}

function Icon({ d }: { d: string }) {
  return (
    <StrokeIcon>
      <path d={d} />
    </StrokeIcon>
  );
}

function Plus() {
  return <Icon d="M12 5v14M5 12h14" />;
}
