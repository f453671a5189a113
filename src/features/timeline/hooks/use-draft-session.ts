// The drafts the studio knows and the one open in it: opening the last one (or a shared link)
// on start, saving the open one on each change, and new, duplicate, delete and switch. Storage
// failures are reported through `onStorageError`, never swallowed.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { JournalWriteError } from "../adapters/edit-journal";
import { UnreadableDraftError } from "../adapters/restore-draft";
import type { Timeline } from "../model/timeline";
import { createId, emptyTimeline } from "../model/timeline";
import { createDraftStore, type DraftData, type DraftStore, draftData } from "../store/draft-store";

export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: number;
}

/** What the session needs from storage; `createDraftPersistence` adapts the IndexedDB one. */
export interface DraftPersistence {
  list(): Promise<DraftSummary[]>;
  load(id: string): Promise<DraftData | null>;
  remove(id: string): Promise<void>;
  lastOpenId(): Promise<string | null>;
  setLastOpenId(id: string): Promise<void>;
  /**
   * Keeps the change at once, so a reload or a crash straight after it loses nothing, and
   * saves it to IndexedDB soon, coalescing bursts of changes.
   */
  schedule(data: DraftData): void;
  /** Saves what is scheduled now. */
  flush(): Promise<void>;
  dispose(): void;
  /** Where failures of background saves are reported. */
  setErrorHandler(handler: (error: Error) => void): void;
}

export interface StartupDraft {
  name: string;
  timeline: Timeline;
  message?: string;
}

export function newDraftData(name: string, timeline: Timeline = emptyTimeline(false)): DraftData {
  return { draftId: createId(), name, timeline, originals: {}, createdAt: Date.now() };
}

export function untitledName(existing: readonly DraftSummary[]): string {
  const names = new Set(existing.map((d) => d.name));
  if (!names.has("Untitled script")) return "Untitled script";
  let n = 2;
  while (names.has(`Untitled script ${n}`)) n++;
  return `Untitled script ${n}`;
}

export function useDraftSession(
  persistence: DraftPersistence,
  options: {
    /** A draft to open instead of the last one, e.g. from a share link. */
    takeStartupDraft?: () => StartupDraft | { error: string } | null;
    /**
     * `stillSaving`: drafts are saved, only not the instant each edit is made (the journal
     * cannot be written).
     */
    onStorageError: (message: string, problem?: { stillSaving: boolean }) => void;
  },
) {
  const [store, setStore] = useState<DraftStore | null>(null);
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const report = useCallback((error: unknown) => {
    if (error instanceof UnreadableDraftError) {
      toast.error(error.message);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    optionsRef.current.onStorageError(message, {
      stillSaving: error instanceof JournalWriteError,
    });
  }, []);

  useEffect(() => {
    persistence.setErrorHandler(report);
  }, [persistence, report]);

  const refresh = useCallback(async () => {
    try {
      setDrafts(await persistence.list());
    } catch (error) {
      report(error);
    }
  }, [persistence, report]);

  const open = useCallback(
    (data: DraftData, { save = false }: { save?: boolean } = {}) => {
      const next = createDraftStore(data);
      setStore(next);
      if (save) persistence.schedule(data);
      persistence.setLastOpenId(data.draftId).catch(report);
      setDrafts((list) =>
        list.some((d) => d.id === data.draftId)
          ? list
          : [{ id: data.draftId, name: data.name, updatedAt: Date.now() }, ...list],
      );
      return next;
    },
    [persistence, report],
  );

  // Start-up: a shared link wins, else the last open draft, else a fresh one.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let list: DraftSummary[] = [];
      try {
        list = await persistence.list();
      } catch (error) {
        report(error);
      }
      if (cancelled) return;
      setDrafts(list);
      const startup = optionsRef.current.takeStartupDraft?.() ?? null;
      if (startup && "error" in startup) toast.error(startup.error);
      if (startup && !("error" in startup)) {
        open(newDraftData(startup.name, startup.timeline), { save: true });
        if (startup.message) toast.success(startup.message);
        return;
      }
      let data: DraftData | null = null;
      try {
        const lastId = (await persistence.lastOpenId()) ?? list[0]?.id ?? null;
        data = lastId ? await persistence.load(lastId) : null;
      } catch (error) {
        report(error);
      }
      if (cancelled) return;
      open(data ?? newDraftData(untitledName(list)), { save: data === null });
    })();
    return () => {
      cancelled = true;
    };
  }, [persistence, open, report]);

  // A share link pasted into the address bar of an open studio changes only the hash.
  useEffect(() => {
    const onHashChange = () => {
      const shared = optionsRef.current.takeStartupDraft?.() ?? null;
      if (!shared) return;
      if ("error" in shared) {
        toast.error(shared.error);
        return;
      }
      persistence.flush().catch(report);
      open(newDraftData(shared.name, shared.timeline), { save: true });
      if (shared.message) toast.success(shared.message);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [persistence, open, report]);

  // Every change to the draft (not to the selection or zoom) is kept at once and saved soon.
  useEffect(() => {
    if (!store) return;
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.timeline === previous.timeline &&
        state.name === previous.name &&
        state.originals === previous.originals
      ) {
        return;
      }
      persistence.schedule(draftData(state));
      if (state.name !== previous.name) {
        setDrafts((list) =>
          list.map((d) => (d.id === state.draftId ? { ...d, name: state.name } : d)),
        );
      }
    });
    return unsubscribe;
  }, [store, persistence]);

  // Leaving the page writes to IndexedDB at once rather than after the delay; the journal
  // already holds every change, in case the page goes before that write lands.
  useEffect(() => {
    const save = () => {
      persistence.flush().catch(report);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") save();
    };
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [persistence, report]);

  const actions = useMemo(
    () => ({
      async newDraft(data?: DraftData) {
        await persistence.flush().catch(report);
        open(data ?? newDraftData(untitledName(drafts)), { save: true });
      },
      async switchTo(id: string) {
        await persistence.flush().catch(report);
        try {
          const data = await persistence.load(id);
          if (!data) {
            toast.error("That draft is no longer stored.");
            await refresh();
            return;
          }
          open(data);
        } catch (error) {
          report(error);
        }
      },
      async duplicate() {
        if (!store) return;
        const current = draftData(store.getState());
        await persistence.flush().catch(report);
        open(
          {
            ...current,
            draftId: createId(),
            name: `${current.name} (copy)`,
            createdAt: Date.now(),
          },
          { save: true },
        );
      },
      async remove() {
        if (!store) return;
        const removed = draftData(store.getState());
        await persistence.flush().catch(report);
        try {
          await persistence.remove(removed.draftId);
        } catch (error) {
          report(error);
          return;
        }
        const rest = drafts.filter((d) => d.id !== removed.draftId);
        setDrafts(rest);
        const next = rest[0] ? await persistence.load(rest[0].id).catch(() => null) : null;
        open(next ?? newDraftData(untitledName(rest)), { save: next === null });
        toast(`Deleted “${removed.name}”`, {
          action: {
            label: "Undo",
            onClick: () => {
              open(removed, { save: true });
            },
          },
          duration: 10_000,
        });
      },
      flush: () => persistence.flush().catch(report),
      refresh,
    }),
    [persistence, report, open, drafts, store, refresh],
  );

  return { store, drafts, ...actions };
}

export type DraftSession = ReturnType<typeof useDraftSession>;
