// The drafts menu: the open draft's name (rename in place), switch, new, duplicate, delete.
import { useId, useState } from "react";
import type { DraftSession } from "../hooks/use-draft-session";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";

export function DraftsMenu({ session }: { session: DraftSession }) {
  const name = useDraftStore((s) => s.name);
  const draftId = useDraftStore((s) => s.draftId);
  const { rename, endHistoryGroup } = useDraftActions();
  const [confirming, setConfirming] = useState(false);
  const nameId = useId();
  const switchId = useId();

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={nameId} className="sr-only">
        Draft name
      </label>
      <input
        id={nameId}
        value={name}
        onChange={(event) => rename(event.target.value)}
        onBlur={(event) => {
          endHistoryGroup();
          if (event.target.value.trim() === "") rename("Untitled script");
        }}
        className="w-56 rounded-lg border border-transparent bg-transparent px-2 py-1 text-base font-semibold hover:border-zinc-300 focus:border-accent-500 dark:hover:border-zinc-700"
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
      <MenuButton onClick={() => void session.newDraft()}>New draft</MenuButton>
      <MenuButton onClick={() => void session.duplicate()}>Duplicate draft</MenuButton>
      {confirming ? (
        <span
          className="flex items-center gap-1 rounded-lg bg-red-50 px-2 py-1 text-sm dark:bg-red-500/10"
          role="group"
          aria-label="Confirm delete"
        >
          <span className="text-red-700 dark:text-red-300">Delete “{name}”?</span>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              void session.remove();
            }}
            className="rounded-md bg-red-600 px-2 py-0.5 font-medium text-white hover:bg-red-700"
          >
            Delete
          </button>
          <button
            type="button"
            onClick={() => setConfirming(false)}
            className="rounded-md px-2 py-0.5 hover:bg-red-100 dark:hover:bg-red-500/20"
          >
            Keep
          </button>
        </span>
      ) : (
        <MenuButton onClick={() => setConfirming(true)}>Delete draft</MenuButton>
      )}
    </div>
  );
}

function MenuButton({ children, onClick }: { children: React.ReactNode; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {children}
    </button>
  );
}
