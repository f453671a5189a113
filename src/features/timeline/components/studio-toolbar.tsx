// The editor's main toolbar: the registry's toolbar groups (adding entries, undo and redo, stream
// operations; a command with an icon shows as one), orientation, the view and the shortcuts.
import { Fragment, type ReactNode, useState } from "react";
import { Button } from "../../../components/button";
import { IconButton } from "../../../components/icon-button";
import { StrokeIcon } from "../../../components/stroke-icon";
import { formatBinding } from "../commands/keys";
import { type CommandId, TOOLBAR_GROUPS } from "../commands/registry";
import { useCommand } from "../commands/use-commands";
import { useDraftStore } from "../store/use-draft-store";

export type StudioView = "timeline" | "list";

/** The toolbar's main action; the other labelled commands are quieter. */
const PRIMARY: CommandId = "add-stream";

const ICONS: Partial<Record<CommandId, ReactNode>> = {
  undo: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  "duplicate-stream": (
    <>
      <rect x="8" y="8" width="12" height="12" rx="2" />
      <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
    </>
  ),
  split: <path d="M12 3v18M8 7H4v10h4M16 7h4v10h-4" />,
};

export function StudioToolbar({
  view,
  onViewChange,
  onOrientationChange,
}: {
  view: StudioView;
  onViewChange: (view: StudioView) => void;
  /** Resolves once the images are re-cropped and the change is made. */
  onOrientationChange: (portrait: boolean) => Promise<void>;
}) {
  const current = useDraftStore((s) => s.timeline.portrait);
  // Re-cropping takes a moment: the radio shows the choice at once.
  const [pending, setPending] = useState<boolean | null>(null);
  const portrait = pending ?? current;

  return (
    <div
      role="toolbar"
      aria-label="Editor"
      className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 rounded-xl border border-zinc-200 bg-white p-1.5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      {TOOLBAR_GROUPS.map((group) => (
        <Fragment key={group.join()}>
          {group.map((id) =>
            ICONS[id] ? (
              <CommandIcon key={id} id={id} />
            ) : (
              <CommandButton key={id} id={id} primary={id === PRIMARY} />
            ),
          )}
          <Divider />
        </Fragment>
      ))}
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
              {/* Below xl the icon says it; the word stays the radio's name. */}
              <span className="max-xl:sr-only">{label}</span>
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
              {value === "timeline" ? "Timeline" : "List"}
              <span className="max-xl:sr-only"> view</span>
            </label>
          ))}
        </fieldset>
        <ShortcutsButton />
      </div>
    </div>
  );
}

/** A command as a labelled button; its tooltip names its key, or why it cannot run now. */
function CommandButton({ id, primary = false }: { id: CommandId; primary?: boolean }) {
  const { command, enabled, run } = useCommand(id);
  const key = command.keys?.[0];
  const title = enabled
    ? `${command.description ?? command.label}${key ? ` (${formatBinding(key)})` : ""}`
    : (command.disabledHint ?? command.label);
  return (
    <Button variant={primary ? "primary" : "ghost"} title={title} disabled={!enabled} onClick={run}>
      <Plus /> {command.label}
    </Button>
  );
}

/** The "?" that opens the shortcuts sheet: the same command as the ? key. */
function ShortcutsButton() {
  const { command, run } = useCommand("show-shortcuts");
  const key = command.keys?.[0];
  return (
    <Button
      variant="ghost"
      title={key ? `${command.label} (${formatBinding(key)})` : command.label}
      onClick={run}
    >
      <span aria-hidden className="font-semibold">
        ?
      </span>
      <span className="sr-only">{command.label}</span>
    </Button>
  );
}

function CommandIcon({ id }: { id: CommandId }) {
  const { command, enabled, run } = useCommand(id);
  const key = command.keys?.[0];
  return (
    <IconButton
      label={command.label}
      shortcut={key ? formatBinding(key) : undefined}
      disabled={!enabled}
      onClick={run}
    >
      {ICONS[id]}
    </IconButton>
  );
}

function Divider() {
  return <span aria-hidden className="mx-1 h-6 w-px bg-zinc-200 dark:bg-zinc-700" />;
}

function Plus() {
  return (
    <StrokeIcon>
      <path d="M12 5v14M5 12h14" />
    </StrokeIcon>
  );
}
