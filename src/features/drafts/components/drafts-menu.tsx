// The drafts menu: the open draft's name (rename in place), switch, new, duplicate, delete, and
// the drafts browser with every draft.
import { lazy, Suspense, useId, useState } from "react";
import { Button } from "../../../components/button";
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
        className="max-w-48 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
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
      <Button
        variant="ghost"
        onClick={() => setBrowsingSince(Date.now())}
        onPointerEnter={prepareDraftsBrowser}
        onFocus={prepareDraftsBrowser}
      >
        All drafts…
      </Button>
      <Button variant="ghost" onClick={() => void session.newDraft()}>
        New draft
      </Button>
      <Button variant="ghost" onClick={() => void session.duplicate()}>
        Duplicate draft
      </Button>
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
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          Delete draft
        </Button>
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

/** True from the first render where `value` is, on. */
function useOnceTrue(value: boolean): boolean {
  const [once, setOnce] = useState(value);
  if (value && !once) setOnce(true);
  return once || value;
}
