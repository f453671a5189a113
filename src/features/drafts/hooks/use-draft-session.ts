// The drafts the studio knows and the one open in it: opening the last one (or a shared link)
// on start, saving the open one on each change, new, duplicate, rename, delete and switch, and
// holding the open draft's lock so two tabs never both write it. Storage failures are reported
// through `onStorageError`, never swallowed.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "../../../lib/notify";
import {
  createId,
  type DraftData,
  emptyTimeline,
  type Timeline,
} from "../../../lib/draft/document";
import { lockDraft, type LockState, withDraftLock } from "../adapters/draft-lock";
import { ImageNotKeptError, JournalWriteError } from "../adapters/edit-journal";
import { UnreadableDraftError } from "../adapters/restore-draft";
import { leaveTabMemory, type TabMemory, takeTabMemory } from "../adapters/tab-memory";
import { supersedes } from "../model/draft-version";
import { uniqueName } from "../model/unique-name";

/** What the drafts feature keeps with a draft besides its document. */
export interface DraftMeta {
  /** Starts that had an image where the draft came from (a share link carries none). */
  missingImages?: string[];
  /** The creator chose to submit without those images; not asked again. */
  imagesWaived?: boolean;
}

export type KeptDraft = DraftData & DraftMeta;

/** A draft as loaded: with the time of the last edit it holds, its version. */
export type LoadedDraft = KeptDraft & { savedAt: number };

export interface DraftListing {
  id: string;
  name: string;
  updatedAt: number;
  /** Absent for a draft known only from an edit IndexedDB has not taken yet. */
  streams?: number;
  portrait?: boolean;
  /** The first start's image, for a thumbnail. */
  thumbnail?: Blob;
  unreadable?: boolean;
}

/** What the session needs from storage; `createDraftPersistence` adapts the IndexedDB one. */
export interface DraftPersistence {
  list(): Promise<DraftListing[]>;
  load(id: string): Promise<LoadedDraft | null>;
  remove(id: string): Promise<void>;
  lastOpenId(): Promise<string | null>;
  setLastOpenId(id: string): Promise<void>;
  /**
   * This tab writes draft `id` from now on (it holds the draft's lock, or the draft is new).
   * schedule() refuses a draft not claimed, so a tab that only shows a draft never writes it.
   */
  claim(id: string): void;
  /** This tab no longer writes draft `id`; what it scheduled before is still saved. */
  release(id: string): void;
  /**
   * Keeps the change at once, so a reload or a crash straight after it loses nothing, and
   * saves it to IndexedDB soon, coalescing bursts of changes. Returns the change's version;
   * a draft not claimed is refused (reported through the error handler) and returns null.
   */
  schedule(data: KeptDraft): number | null;
  /** Saves what is scheduled now. */
  flush(): Promise<void>;
  /** Calls `onChange` when another tab changes draft `id`; returns how to stop. */
  watch(id: string, onChange: () => void): () => void;
  dispose(): void;
  /** Where failures of background saves are reported. */
  setErrorHandler(handler: (error: Error) => void): void;
}

/** The editor's store as the session sees it: a draft it can read, watch and put back. */
export interface DraftDocumentStore {
  getState(): DraftData;
  setState(partial: Partial<DraftData>): void;
  subscribe(listener: (state: DraftData, previous: DraftData) => void): () => void;
  /** The editor's undo history, cleared when the draft changes under it from another tab. */
  temporal?: { getState(): { clear(): void } };
}

export interface StartupDraft {
  name: string;
  timeline: Timeline;
  message?: string;
  /** Start ids whose image did not come along. */
  missingImages?: string[];
}

/** A draft to open at start-up or on a hash change; a share link's arrives once lz-string has. */
export type TakeStartupDraft = () =>
  StartupDraft | { error: string } | null | Promise<StartupDraft | { error: string } | null>;

export const DEFAULT_NAME = "Untitled script";

export const READ_ONLY_MESSAGE = "This draft is open in another tab. Take it over here to edit it.";
/** An edit made in the moment a draft from storage waits for its lock (usually a few ms). */
export const OPENING_MESSAGE = "This draft is still opening: try that again in a moment.";

/** Says why an edit of the open draft was refused, in the words its lock state calls for. */
function refuseEdit(state: LockState): void {
  if (state === "elsewhere") toast.error(READ_ONLY_MESSAGE, { id: "read-only" });
  else toast.error(OPENING_MESSAGE, { id: "read-only" });
}

export function newDraftData(name: string, timeline: Timeline = emptyTimeline(false)): DraftData {
  return { draftId: createId(), name, timeline, originals: {}, createdAt: Date.now() };
}

function documentOf(state: DraftData): DraftData {
  const { draftId, name, timeline, originals, createdAt } = state;
  return { draftId, name, timeline, originals, createdAt };
}

/** The starts of `missing` still in the timeline and still without an image. */
export function startsWithoutImage(timeline: Timeline, missing: readonly string[] | undefined) {
  if (!missing || missing.length === 0) return [];
  const wanted = new Set(missing);
  return timeline.clips.flatMap((clip, index) =>
    wanted.has(clip.start.id) && clip.start.image === undefined
      ? [{ startId: clip.start.id, stream: index + 1, prompt: clip.start.prompt }]
      : [],
  );
}

function keptOf(data: KeptDraft): KeptDraft {
  return { ...documentOf(data), ...metaOf(data) };
}

function metaOf(data: KeptDraft): DraftMeta {
  const meta: DraftMeta = {};
  if (data.missingImages && data.missingImages.length > 0) meta.missingImages = data.missingImages;
  if (data.imagesWaived) meta.imagesWaived = true;
  return meta;
}

function browserLocks(): LockManager | undefined {
  return typeof navigator !== "undefined" ? navigator.locks : undefined;
}

export function useDraftSession<S extends DraftDocumentStore>(
  persistence: DraftPersistence,
  options: {
    /** The editor's store for a draft opened in it. */
    createStore: (data: DraftData) => S;
    /** A draft to open instead of the last one, e.g. from a share link. */
    takeStartupDraft?: TakeStartupDraft;
    /**
     * `stillSaving`: drafts are saved, only not the instant each edit is made (the journal
     * cannot be written).
     */
    onStorageError: (message: string, problem?: { stillSaving: boolean }) => void;
    /** The tabs' lock manager; the browser's unless given (null: every tab edits). */
    locks?: LockManager | null;
    /** This tab's sessionStorage, where a reload finds the draft it had open (null: none). */
    tabStorage?: Storage | null;
    /** A first visit, with no draft at all, opens this sample instead of an empty draft. */
    sample?: { isFirst(): boolean; done(): void; draft(): StartupDraft | Promise<StartupDraft> };
  },
) {
  const [store, setStore] = useState<S | null>(null);
  const [drafts, setDrafts] = useState<DraftListing[]>([]);
  const [meta, setMetaState] = useState<DraftMeta>({});
  // Whose lock state it is: a draft just opened is "pending" until its lock answers.
  const [lockOf, setLockOf] = useState<{ draftId: string | null; state: LockState }>({
    draftId: null,
    state: "pending",
  });
  const lockRef = useRef<{ state: LockState; handle: ReturnType<typeof lockDraft> | null }>({
    state: "pending",
    handle: null,
  });
  const metaRef = useRef<DraftMeta>({});
  // The version of the draft on screen: a followed copy replaces it only when newer.
  const shownRef = useRef<number | null>(null);
  // Set while a copy from another tab is put into the store, so it is neither saved nor put back.
  const followingRef = useRef(false);
  const storeRef = useRef<S | null>(null);
  // What the page before this one (a reload) left in this tab, taken once.
  const tabMemoryRef = useRef<TabMemory | null | undefined>(undefined);
  // A draft this tab was editing when it reloaded: its lock is claimed back, not waited for.
  const claimRef = useRef<string | null>(null);
  // A draft this tab has just made (a new draft, an import, a share link): no other tab can
  // hold it, so it is editable at once rather than read-only until its lock answers, when an
  // edit made in that moment (an image dropped right after an import) would be put back.
  const createdRef = useRef<string | null>(null);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const locks = options.locks === undefined ? browserLocks() : (options.locks ?? undefined);
  const draftId = store?.getState().draftId ?? null;
  useEffect(() => {
    storeRef.current = store;
  });
  const tabStorage = options.tabStorage;
  const lock: LockState = lockOf.draftId === draftId ? lockOf.state : "pending";

  const report = useCallback((error: unknown) => {
    if (error instanceof UnreadableDraftError) {
      toast.error(error.message);
      return;
    }
    if (error instanceof ImageNotKeptError) {
      const state = storeRef.current?.getState();
      if (state?.draftId !== error.draftId) return;
      const original = state.originals[error.startId];
      const stream = state.timeline.clips.findIndex((c) => c.start.id === error.startId) + 1;
      const what =
        original instanceof File
          ? `“${original.name}”`
          : stream > 0
            ? `The image of stream ${stream}`
            : "An image";
      toast.warning(`${what} is too big to keep the instant it is set`, {
        description:
          "It is saved with the draft in a moment; a reload or a crash before then would lose it. A smaller image (a JPEG) is kept at once.",
        duration: 10_000,
      });
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

  const save = useCallback(
    (data: DraftData) => {
      const version = persistence.schedule({ ...data, ...metaRef.current });
      if (version !== null) shownRef.current = version;
    },
    [persistence],
  );

  const setMeta = useCallback((next: DraftMeta) => {
    metaRef.current = next;
    setMetaState(next);
  }, []);

  const open = useCallback(
    (
      data: KeptDraft & { savedAt?: number },
      { save: saveNow = false }: { save?: boolean } = {},
    ) => {
      const next = optionsRef.current.createStore(documentOf(data));
      setMeta(metaOf(data));
      storeRef.current = next;
      setStore(next);
      shownRef.current = data.savedAt ?? null;
      if (saveNow) {
        // A new draft (or one put back) is no other tab's: this one writes it.
        persistence.claim(data.draftId);
        createdRef.current = data.draftId;
        lockRef.current.state = "editing";
        setLockOf({ draftId: data.draftId, state: "editing" });
        shownRef.current = persistence.schedule(keptOf(data));
      }
      persistence.setLastOpenId(data.draftId).catch(report);
      setDrafts((list) =>
        list.some((d) => d.id === data.draftId)
          ? list
          : [{ id: data.draftId, name: data.name, updatedAt: Date.now() }, ...list],
      );
      return next;
    },
    [persistence, report, setMeta],
  );

  /** Opens a script from elsewhere (import, share link, a job) as a new draft, named apart. */
  const openAsNew = useCallback(
    (draft: StartupDraft, list: readonly DraftListing[]) => {
      const data: KeptDraft = newDraftData(
        uniqueName(
          draft.name,
          list.map((d) => d.name),
        ),
        draft.timeline,
      );
      if (draft.missingImages && draft.missingImages.length > 0) {
        data.missingImages = draft.missingImages;
      }
      return open(data, { save: true });
    },
    [open],
  );

  // Start-up: a shared link wins, else the last open draft, else a fresh one.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let list: DraftListing[] = [];
      try {
        list = await persistence.list();
      } catch (error) {
        report(error);
      }
      if (cancelled) return;
      setDrafts(list);
      const startup = (await optionsRef.current.takeStartupDraft?.()) ?? null;
      if (cancelled) return;
      if (startup && "error" in startup) toast.error(startup.error);
      if (startup && !("error" in startup)) {
        openAsNew(startup, list);
        if (startup.message) toast.success(startup.message);
        return;
      }
      let data: LoadedDraft | null = null;
      try {
        // A reload reopens the draft this tab had open, whatever another tab opened since.
        if (tabMemoryRef.current === undefined) {
          tabMemoryRef.current = takeTabMemory(tabStorage);
        }
        const mine = tabMemoryRef.current;
        data = mine ? await persistence.load(mine.draftId) : null;
        if (data && mine?.editing) claimRef.current = data.draftId;
        if (!data) {
          const lastId = (await persistence.lastOpenId()) ?? list[0]?.id ?? null;
          data = lastId ? await persistence.load(lastId) : null;
        }
      } catch (error) {
        report(error);
      }
      if (cancelled) return;
      const sample = optionsRef.current.sample;
      if (data || list.length > 0) sample?.done();
      if (data) return open(data);
      if (sample?.isFirst()) {
        sample.done();
        // Fetched for a first visit; without it (offline), a blank draft rather than none.
        const draft = await Promise.resolve(sample.draft()).catch(() => null);
        if (cancelled) return;
        if (draft) return openAsNew(draft, list);
      }
      open(
        newDraftData(
          uniqueName(
            DEFAULT_NAME,
            list.map((d) => d.name),
          ),
        ),
        { save: true },
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [persistence, open, openAsNew, report, tabStorage]);

  // A share link pasted into the address bar of an open studio changes only the hash.
  const draftsRef = useRef(drafts);
  useEffect(() => {
    draftsRef.current = drafts;
  });
  useEffect(() => {
    const onHashChange = async () => {
      const shared = (await optionsRef.current.takeStartupDraft?.()) ?? null;
      if (!shared) return;
      if ("error" in shared) {
        toast.error(shared.error);
        return;
      }
      persistence.flush().catch(report);
      openAsNew(shared, draftsRef.current);
      if (shared.message) toast.success(shared.message);
    };
    const listener = () => void onHashChange();
    window.addEventListener("hashchange", listener);
    return () => window.removeEventListener("hashchange", listener);
  }, [persistence, openAsNew, report]);

  // One tab edits the open draft; another shows it read-only, following its edits, until it
  // takes it over or is handed it; then it first takes the other tab's last edit. A followed
  // edit goes into the same store, so this tab keeps its selection, zoom and scroll, and it
  // clears the undo history: an undo here must never take back the other tab's work.
  useEffect(() => {
    if (draftId === null) return;
    let cancelled = false;
    let stopWatching: (() => void) | null = null;
    // The lock's latest word: a load that ends after the lock moved on must not act on it.
    let latest: LockState = "pending";
    const update = (state: LockState) => {
      lockRef.current.state = state;
      setLockOf({ draftId, state });
    };
    const clearHistory = () => storeRef.current?.temporal?.getState().clear();
    const follow = async () => {
      const data = await persistence.load(draftId).catch((error: unknown) => {
        report(error);
        return null;
      });
      const target = storeRef.current;
      if (cancelled || !data || !target || target.getState().draftId !== draftId) return;
      if (!supersedes(data, shownRef.current)) return;
      shownRef.current = data.savedAt;
      followingRef.current = true;
      try {
        target.setState(documentOf(data));
      } finally {
        followingRef.current = false;
      }
      clearHistory();
      setMeta(metaOf(data));
    };
    let readOnlyBefore = false;
    const held = lockRef.current;
    held.state = createdRef.current === draftId ? "editing" : "pending";
    createdRef.current = null;
    const claim = claimRef.current === draftId;
    claimRef.current = null;
    const handle = lockDraft(
      locks,
      draftId,
      (state) => {
        if (cancelled) return;
        latest = state;
        if (state === "elsewhere") {
          readOnlyBefore = true;
          update("elsewhere");
          // What this tab changed before it lost the draft is still its own to save.
          persistence.flush().catch(report);
          persistence.release(draftId);
          clearHistory();
          let following: Promise<void> | null = null;
          let again = false;
          stopWatching?.();
          stopWatching = persistence.watch(draftId, () => {
            if (following) {
              again = true;
              return;
            }
            const run = (): Promise<void> =>
              follow().then(() => {
                if (again && !cancelled) {
                  again = false;
                  return run();
                }
              });
            following = run().finally(() => (following = null));
          });
          return;
        }
        stopWatching?.();
        stopWatching = null;
        if (state === "editing") persistence.claim(draftId);
        if (state === "editing" && readOnlyBefore) {
          readOnlyBefore = false;
          void follow().then(() => {
            if (!cancelled && latest === "editing") update("editing");
          });
          return;
        }
        update(state);
      },
      { claim },
    );
    held.handle = handle;
    return () => {
      cancelled = true;
      stopWatching?.();
      handle.release();
      persistence.release(draftId);
      if (held.handle === handle) held.handle = null;
    };
  }, [draftId, locks, persistence, report, setMeta]);

  // A reload finds in this tab's sessionStorage the draft it had open, and whether it was the
  // one editing it. Written only as the page goes, so nothing else reads a stale word.
  useEffect(() => {
    if (draftId === null) return;
    const leave = () =>
      leaveTabMemory({ draftId, editing: lockRef.current.state === "editing" }, tabStorage);
    // Back from the back-forward cache: the page did not go after all.
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) takeTabMemory(tabStorage);
    };
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", back);
    return () => {
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", back);
    };
  }, [draftId, tabStorage]);

  // Every change to the draft (not to the selection or zoom) is kept at once and saved soon;
  // in a tab that does not hold the draft it is put back, with a word why.
  useEffect(() => {
    if (!store) return;
    // Set while an edit is put back: that is a change too, and must not be put back in turn.
    let puttingBack = false;
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        puttingBack ||
        followingRef.current ||
        (state.timeline === previous.timeline &&
          state.name === previous.name &&
          state.originals === previous.originals)
      ) {
        return;
      }
      if (lockRef.current.state !== "editing") {
        const { timeline, name, originals } = previous;
        puttingBack = true;
        try {
          store.setState({ timeline, name, originals });
        } finally {
          puttingBack = false;
        }
        refuseEdit(lockRef.current.state);
        return;
      }
      const current = metaRef.current;
      if (current.missingImages && state.timeline !== previous.timeline) {
        const still = startsWithoutImage(state.timeline, current.missingImages).map(
          (s) => s.startId,
        );
        if (still.length !== current.missingImages.length) {
          const { missingImages: _, ...rest } = current;
          setMeta(still.length > 0 ? { ...rest, missingImages: still } : rest);
        }
      }
      save(documentOf(state));
      if (state.name !== previous.name) {
        setDrafts((list) =>
          list.map((d) => (d.id === state.draftId ? { ...d, name: state.name } : d)),
        );
      }
    });
    return unsubscribe;
  }, [store, save, setMeta]);

  // Leaving the page writes to IndexedDB at once rather than after the delay; the journal
  // already holds every change, in case the page goes before that write lands.
  useEffect(() => {
    const flush = () => {
      persistence.flush().catch(report);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [persistence, report]);

  const actions = useMemo(() => {
    const current = (): KeptDraft | null =>
      store ? { ...documentOf(store.getState()), ...metaRef.current } : null;
    const names = (except?: string) =>
      drafts
        .filter((d) => d.id !== except)
        .map((d) => (d.id === draftId && store ? store.getState().name : d.name));
    const loadAny = async (id: string) => (id === draftId ? current() : await persistence.load(id));

    return {
      async newDraft() {
        await persistence.flush().catch(report);
        open(newDraftData(uniqueName(DEFAULT_NAME, names())), { save: true });
      },
      /** A new draft from a template, named apart from the others. */
      async newFromTemplate(template: { name: string; timeline: () => Timeline }) {
        await persistence.flush().catch(report);
        openAsNew({ name: template.name, timeline: template.timeline() }, drafts);
      },
      /** An imported script, opened as a new draft with a name no other draft has. */
      async openScript(draft: StartupDraft) {
        await persistence.flush().catch(report);
        openAsNew(draft, drafts);
      },
      async switchTo(id: string) {
        if (id === draftId) return;
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
      /** Copies draft `id` (the open one unless given) as a new draft, and opens the copy. */
      async duplicate(id: string | undefined = draftId ?? undefined) {
        if (id === undefined) return;
        await persistence.flush().catch(report);
        const source = await loadAny(id).catch((error: unknown) => {
          report(error);
          return null;
        });
        if (!source) return;
        open(
          {
            ...source,
            draftId: createId(),
            name: uniqueName(`${source.name} (copy)`, names()),
            createdAt: Date.now(),
          },
          { save: true },
        );
      },
      /** Renames a draft; one open in another tab is left to that tab. */
      async rename(id: string, name: string) {
        const wanted = name.trim() === "" ? DEFAULT_NAME : name;
        if (id === draftId && store) {
          if (lockRef.current.state !== "editing") {
            refuseEdit(lockRef.current.state);
            return false;
          }
          store.setState({ name: wanted });
          return true;
        }
        const done = await withDraftLock(locks, id, async () => {
          const data = await persistence.load(id);
          if (!data) return;
          persistence.claim(id);
          try {
            persistence.schedule({ ...keptOf(data), name: wanted });
            await persistence.flush();
          } finally {
            persistence.release(id);
          }
        }).catch((error: unknown) => {
          report(error);
          return "failed" as const;
        });
        if (done === "elsewhere") {
          toast.error("That draft is open in another tab: rename it there.");
          return false;
        }
        await refresh();
        return done !== "failed";
      },
      /**
       * Deletes draft `id` (the open one unless given), with Undo for a while; returns what
       * was deleted, for an Undo of the caller's own.
       */
      async remove(id: string | undefined = draftId ?? undefined): Promise<KeptDraft | null> {
        if (id === undefined) return null;
        if (id === draftId && lockRef.current.state !== "editing") {
          refuseEdit(lockRef.current.state);
          return null;
        }
        await persistence.flush().catch(report);
        const removed = await loadAny(id).catch(() => null);
        const removedName = removed?.name ?? drafts.find((d) => d.id === id)?.name ?? DEFAULT_NAME;
        const outcome = await withDraftLock(locks, id === draftId ? null : id, () =>
          persistence.remove(id),
        ).catch((error: unknown) => {
          report(error);
          return "failed" as const;
        });
        if (outcome === "failed") return null;
        if (outcome === "elsewhere") {
          toast.error("That draft is open in another tab: delete it there.");
          return null;
        }
        const rest = drafts.filter((d) => d.id !== id);
        setDrafts(rest);
        if (id === draftId) {
          const next = rest[0] ? await persistence.load(rest[0].id).catch(() => null) : null;
          open(
            next ??
              newDraftData(
                uniqueName(
                  DEFAULT_NAME,
                  rest.map((d) => d.name),
                ),
              ),
            { save: next === null },
          );
        }
        toast(`Deleted “${removedName}”`, {
          action: removed
            ? {
                label: "Undo",
                onClick: () => {
                  open(removed, { save: true });
                },
              }
            : undefined,
          duration: 10_000,
        });
        return removed;
      },
      /** Puts back a deleted draft; it opens only if it was the open one. */
      async restore(removed: KeptDraft, { open: reopen }: { open: boolean }) {
        if (reopen) {
          open(removed, { save: true });
          return;
        }
        persistence.claim(removed.draftId);
        persistence.schedule(keptOf(removed));
        await persistence.flush().catch(report);
        persistence.release(removed.draftId);
        await refresh();
      },
      /** Takes the open draft over from the tab that holds it. */
      takeOver() {
        lockRef.current.handle?.takeOver();
      },
      /** Submit without the images the draft lost, and do not ask again. */
      waiveImages() {
        setMeta({ ...metaRef.current, imagesWaived: true });
        if (store && lockRef.current.state === "editing") save(documentOf(store.getState()));
      },
      flush: () => persistence.flush().catch(report),
      refresh,
    };
  }, [persistence, report, open, openAsNew, drafts, draftId, store, refresh, locks, save, setMeta]);

  return { store, drafts, meta, lock, readOnly: lock !== "editing", ...actions };
}

export type DraftSession<S extends DraftDocumentStore = DraftDocumentStore> = ReturnType<
  typeof useDraftSession<S>
>;
