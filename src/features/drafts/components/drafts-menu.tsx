// The drafts menu: the open draft's name (rename in place), switch, new, duplicate, delete, and
// the drafts browser with every draft.
import { lazy, Suspense, useId, useState } from "react";
import { Button } from "../../../components/button";
import { StrokeIcon } from "../../../components/stroke-icon";
import { DEFAULT_NAME, type DraftSession } from "../hooks/use-draft-session";

// Off the first load, with its templates: fetched when "All drafts…" is pointed at, focused or
// clicked, and kept mounted once opened (its Undo delete outlives a close, as before).
const loadDraftsBrowser = () => import("./drafts-browser");
const DraftsBrowser = lazy(() =>
  loadDraftsBrowser().then((module) => ({ default: module.DraftsBrowser })),
);
const prepareDraftsBrowser = () => void loadDraftsBrowser().catch(() => {});

export function DraftsMenu({
  session,
  name,
  onRename,
  onRenameEnd,
}: {
  session: DraftSession;
  /** The open draft's name, as the editor holds it. */
  name: string;
  onRename(name: string): void;
  /** The name field lost focus: one rename is one undo step. */
  onRenameEnd(): void;
}) {
  const draftId = session.store?.getState().draftId ?? "";
  const [confirming, setConfirming] = useState(false);
  const [browsingSince, setBrowsingSince] = useState<number | null>(null);
  const browsed = useOnceTrue(browsingSince !== null);
  const nameId = useId();
  const switchId = useId();

  return (
    <span className="flex flex-wrap items-center gap-2">
      <label htmlFor={nameId} className="sr-only">
        Draft name
      </label>
      {/* field-sizing lets the name show in full where the row has room (Chromium, Firefox 136+);
          elsewhere the input keeps its default width. */}
      <input
        id={nameId}
        value={name}
        readOnly={session.readOnly}
        onChange={(event) => onRename(event.target.value)}
        onBlur={(event) => {
          onRenameEnd();
          if (event.target.value.trim() === "" && !session.readOnly) onRename(DEFAULT_NAME);
        }}
        className="max-w-full min-w-40 rounded-lg border border-transparent bg-transparent [field-sizing:content] px-2 py-1 text-base font-semibold hover:border-zinc-300 focus:border-accent-500 dark:hover:border-zinc-700"
      />
      <label htmlFor={switchId} className="sr-only">
        Open draft
      </label>
      <select
        id={switchId}
        value={draftId}
        onChange={(event) => void session.switchTo(event.target.value)}
        // A long name is cut in the closed select: the tooltip says it whole.
        title={name}
        className="max-w-48 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm xl:max-w-96 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {session.drafts.some((d) => d.id === draftId) ? null : (
          <option value={draftId}>{name}</option>
        )}
        {session.drafts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.id === draftId ? name : d.name}
          </option>
        ))}
      </select>
      <MenuButton
        label="All drafts…"
        onClick={() => setBrowsingSince(Date.now())}
        onPrepare={prepareDraftsBrowser}
        icon={
          <>
            <rect x="3" y="3" width="7" height="7" rx="1" />
            <rect x="14" y="3" width="7" height="7" rx="1" />
            <rect x="3" y="14" width="7" height="7" rx="1" />
            <rect x="14" y="14" width="7" height="7" rx="1" />
          </>
        }
      />
      <MenuButton
        label="New draft"
        onClick={() => void session.newDraft()}
        icon={
          <>
            <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
            <path d="M14 3v6h6M12 12v6M9 15h6" />
          </>
        }
      />
      <MenuButton
        label="Duplicate draft"
        onClick={() => void session.duplicate()}
        icon={
          <>
            <rect x="9" y="9" width="12" height="12" rx="2" />
            <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
          </>
        }
      />
      {confirming ? (
        <span
          className="flex items-center gap-1 rounded-lg bg-red-50 px-2 py-1 text-sm dark:bg-red-500/10"
          role="group"
          aria-label="Confirm delete"
        >
          <span className="text-red-700 dark:text-red-300">Delete “{name}”?</span>
          <Button
            variant="danger"
            size="sm"
            onClick={() => {
              setConfirming(false);
              void session.remove();
            }}
          >
            Delete
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </span>
      ) : (
        <MenuButton
          label="Delete draft"
          onClick={() => setConfirming(true)}
          icon={
            <path d="M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2m3 0-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6" />
          }
        />
      )}
      {browsed ? (
        <Suspense fallback={null}>
          <DraftsBrowser
            openedAt={browsingSince}
            onClose={() => setBrowsingSince(null)}
            session={session}
            openName={name}
          />
        </Suspense>
      ) : null}
    </span>
  );
}

/**
 * A drafts action: its words from 1280 px on, an icon (with the words as tooltip) below, where
 * four worded buttons wrapped the studio's header onto a second and third row. The words stay
 * its accessible name either way.
 */
function MenuButton({
  label,
  icon,
  onClick,
  onPrepare,
}: {
  label: string;
  /** The shapes of a 24-unit stroked icon. */
  icon: React.ReactNode;
  onClick(): void;
  /** Fetches what the click needs as soon as it is likely to come. */
  onPrepare?(): void;
}) {
  return (
    <Button
      variant="ghost"
      title={label}
      onClick={onClick}
      onPointerEnter={onPrepare}
      onFocus={onPrepare}
      className="max-xl:px-2"
    >
      <StrokeIcon className="size-4 xl:hidden">{icon}</StrokeIcon>
      <span className="max-xl:sr-only">{label}</span>
    </Button>
  );
}

/** True from the first render where `value` is, on. */
function useOnceTrue(value: boolean): boolean {
  const [once, setOnce] = useState(value);
  if (value && !once) setOnce(true);
  return once || value;
}
