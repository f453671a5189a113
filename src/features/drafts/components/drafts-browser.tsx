// Every stored draft with its name, when it was last edited, its streams, orientation and a
// thumbnail; search by name, and open, rename, duplicate or delete each.
import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import type { DraftListing, DraftSession, KeptDraft } from "../hooks/use-draft-session";
import { editedAgo } from "../model/edited-ago";
import { TEMPLATES } from "../model/starter-drafts";

const exact = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" });

/** Object URLs for the drafts' thumbnails, revoked when the list changes or closes. */
function useThumbnails(drafts: readonly DraftListing[]) {
  const urls = useMemo(
    () =>
      new Map(
        drafts.flatMap((d) => (d.thumbnail ? [[d.id, URL.createObjectURL(d.thumbnail)]] : [])),
      ),
    [drafts],
  );
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);
  return urls;
}

// A colour of its own for each draft without an image, from its id, so the swatch tells
// drafts apart the way a thumbnail would.
function swatch(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 55% 55%)`;
}

export function DraftsBrowser({
  openedAt,
  onClose,
  session,
  openName,
}: {
  /** When it was opened, which "2 minutes ago" counts from; null while closed. */
  openedAt: number | null;
  onClose(): void;
  session: DraftSession;
  /** The open draft's name as it is being typed. */
  openName: string;
}) {
  const [query, setQuery] = useState("");
  // The draft deleted last from here, with whether it was the open one, for Undo.
  const [deleted, setDeleted] = useState<{ draft: KeptDraft; wasOpen: boolean } | null>(null);
  const searchId = useId();
  const templatesId = useId();
  const openId = session.store?.getState().draftId;
  const open = openedAt !== null;
  const now = openedAt ?? 0;
  const { refresh } = session;
  useEffect(() => {
    if (open) void refresh();
  }, [open, refresh]);
  const drafts = useMemo(
    () => session.drafts.map((d) => (d.id === openId ? { ...d, name: openName } : d)),
    [session.drafts, openId, openName],
  );
  const shown = useMemo(() => {
    const words = query.trim().toLocaleLowerCase();
    return words ? drafts.filter((d) => d.name.toLocaleLowerCase().includes(words)) : drafts;
  }, [drafts, query]);
  const thumbnails = useThumbnails(open ? drafts : []);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Drafts"
      description="Every draft kept in this browser, the last edited first."
      className="w-[min(48rem,calc(100vw-2rem))]"
    >
      <div className="flex flex-col gap-3 px-5 py-4">
        <label htmlFor={searchId} className="text-sm font-medium">
          Search drafts
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="A draft's name"
          className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <section aria-labelledby={templatesId} className="flex flex-col gap-2">
          <h3 id={templatesId} className="text-sm font-medium">
            Start from a template
          </h3>
          <ul className="flex flex-wrap gap-2">
            {TEMPLATES.map((template) => (
              <li key={template.name}>
                <Button
                  size="sm"
                  title={template.description}
                  aria-label={`New draft from “${template.name}”`}
                  onClick={() => {
                    void session.newFromTemplate(template);
                    onClose();
                  }}
                >
                  {template.name}
                </Button>
              </li>
            ))}
          </ul>
        </section>
        {deleted ? (
          <p role="status" className="flex items-center gap-2 text-sm">
            Deleted “{deleted.draft.name}”.
            <Button
              size="sm"
              onClick={() => {
                setDeleted(null);
                void session.restore(deleted.draft, { open: deleted.wasOpen });
              }}
            >
              Undo delete
            </Button>
          </p>
        ) : null}
        {shown.length === 0 ? (
          <p role="status" className="py-6 text-center text-sm text-zinc-500">
            {drafts.length === 0
              ? "No drafts yet."
              : `No draft’s name has “${query.trim()}” in it.`}
          </p>
        ) : (
          <ul aria-label="Drafts" className="flex max-h-[60vh] flex-col gap-2 overflow-y-auto">
            {shown.map((draft) => (
              <DraftRow
                key={draft.id}
                draft={draft}
                thumbnail={thumbnails.get(draft.id)}
                isOpen={draft.id === openId}
                now={now}
                session={session}
                onOpened={onClose}
                onDeleted={(draft) => setDeleted({ draft, wasOpen: draft.draftId === openId })}
              />
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}

function DraftRow({
  draft,
  thumbnail,
  isOpen,
  now,
  session,
  onOpened,
  onDeleted,
}: {
  draft: DraftListing;
  thumbnail: string | undefined;
  isOpen: boolean;
  now: number;
  session: DraftSession;
  onOpened(): void;
  onDeleted(draft: KeptDraft): void;
}) {
  const [mode, setMode] = useState<"idle" | "renaming" | "deleting">("idle");
  const [newName, setNewName] = useState(draft.name);
  const nameId = useId();
  const inputId = useId();
  const quoted = `“${draft.name}”`;
  const details = [
    draft.streams === undefined ? null : `${draft.streams} stream${draft.streams === 1 ? "" : "s"}`,
    draft.portrait === undefined ? null : draft.portrait ? "Portrait" : "Landscape",
  ].filter(Boolean);

  return (
    <li
      aria-labelledby={nameId}
      // Wraps: on a phone the actions go under the name rather than squeezing it to a letter a line.
      className="flex flex-wrap items-start gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      {thumbnail ? (
        <img
          src={thumbnail}
          alt={`First frame of ${quoted}`}
          className={`shrink-0 rounded-md object-cover ${draft.portrait ? "h-16 w-9" : "h-9 w-16"}`}
        />
      ) : (
        <span
          aria-hidden
          className={`shrink-0 rounded-md ${draft.portrait ? "h-16 w-9" : "h-9 w-16"}`}
          style={{ background: swatch(draft.id) }}
        />
      )}
      <div className="min-w-0 flex-1 basis-40">
        <p id={nameId} className="font-medium break-words">
          {draft.name}
          {isOpen ? <span className="ml-2 text-xs font-normal text-zinc-500">(open)</span> : null}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {draft.unreadable ? (
            "This draft could not be read; opening it says why."
          ) : (
            <>
              Edited{" "}
              <time
                dateTime={new Date(draft.updatedAt).toISOString()}
                title={exact.format(draft.updatedAt)}
              >
                {editedAgo(draft.updatedAt, now)}
              </time>
              {details.length > 0 ? ` · ${details.join(" · ")}` : null}
            </>
          )}
        </p>
        {mode === "renaming" ? (
          <form
            className="mt-2 flex flex-wrap items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void session.rename(draft.id, newName).then((done) => {
                if (done) setMode("idle");
              });
            }}
          >
            <label htmlFor={inputId} className="sr-only">
              New name for {quoted}
            </label>
            <input
              id={inputId}
              value={newName}
              ref={(input) => input?.focus()}
              onChange={(event) => setNewName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.stopPropagation();
                  event.preventDefault();
                  setMode("idle");
                }
              }}
              className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <Button type="submit" size="sm" variant="primary">
              Save name
            </Button>
            <Button size="sm" onClick={() => setMode("idle")}>
              Cancel
            </Button>
          </form>
        ) : null}
        {mode === "deleting" ? (
          <div
            role="group"
            aria-label={`Confirm delete of ${quoted}`}
            className="mt-2 flex items-center gap-2 text-sm"
          >
            <span className="text-red-700 dark:text-red-300">Delete {quoted}?</span>
            <Button
              size="sm"
              variant="danger"
              ref={(button) => button?.focus()}
              onClick={() => {
                setMode("idle");
                void session.remove(draft.id).then((removed) => {
                  if (removed) onDeleted(removed);
                });
              }}
            >
              Delete
            </Button>
            <Button size="sm" onClick={() => setMode("idle")}>
              Keep
            </Button>
          </div>
        ) : null}
      </div>
      {mode === "idle" ? (
        <div className="ml-auto flex flex-wrap justify-end gap-1">
          <Button
            size="sm"
            variant="primary"
            aria-label={`Open ${quoted}`}
            disabled={isOpen}
            onClick={() => {
              void session.switchTo(draft.id);
              onOpened();
            }}
          >
            Open
          </Button>
          <Button
            size="sm"
            aria-label={`Rename ${quoted}`}
            onClick={() => {
              setNewName(draft.name);
              setMode("renaming");
            }}
          >
            Rename
          </Button>
          <Button
            size="sm"
            aria-label={`Duplicate ${quoted}`}
            onClick={() => {
              void session.duplicate(draft.id);
              onOpened();
            }}
          >
            Duplicate
          </Button>
          <Button
            size="sm"
            variant="danger"
            aria-label={`Delete ${quoted}`}
            onClick={() => setMode("deleting")}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}
