// Drafts in IndexedDB, images as Blobs rather than base64 text. Each change is journaled at once
// in localStorage (edit-journal.ts) and saved to IndexedDB a moment later, coalesced; loading a
// draft replays a journal entry newer than its IndexedDB copy. A save never replaces a record
// newer than itself, so a tab that lost a draft to another cannot write an older copy over it.
import { createStore, del, get, keys, set, update, type UseStore } from "idb-keyval";
import type { Clip, Timeline } from "../../../lib/draft/document";
import type {
  DraftListing,
  DraftPersistence,
  KeptDraft,
  LoadedDraft,
} from "../hooks/use-draft-session";
import {
  browserJournalStorage,
  createEditJournal,
  ImageNotKeptError,
  type JournalEntry,
  JournalWriteError,
} from "./edit-journal";
import {
  DEFAULT_DRAFT_NAME,
  DRAFT_VERSION,
  restoreDraft,
  type StoredDraft,
  UnreadableDraftError,
} from "./restore-draft";
import { readBytes } from "../../../lib/read-bytes";

/** How the drafts list names a record it cannot read, so it is not silently hidden. */
export const UNREADABLE_DRAFT_NAME = "Unreadable draft";

function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(",");
  const mime = dataUrl.slice(5, dataUrl.indexOf(";"));
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await readBytes(blob));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

function describe(error: unknown): Error {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "QuotaExceededError") return new Error("The browser's storage is full.");
  if (name === "InvalidStateError" || name === "SecurityError") {
    return new Error("The browser does not allow storage here (private mode?).");
  }
  return error instanceof Error ? error : new Error(String(error));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The draft a journal entry describes: its text and times from the entry, the images of the
 * starts it marks from the IndexedDB copy. Null when the entry cannot be read as a draft.
 */
function replayEntry(
  entry: JournalEntry,
  record: StoredDraft | null,
  keptImage: (startId: string) => string | null,
): StoredDraft | null {
  const images = new Map(record?.clips.map((clip) => [clip.start.id, clip.start.image]));
  const originals: Record<string, Blob> = {};
  const clips = entry.clips.map((clip) => {
    if (!isObject(clip) || !isObject(clip.start)) return clip;
    const { hasImage, ...start } = clip.start;
    // An image set just before the page went is kept apart until IndexedDB has it.
    const image =
      hasImage === true ? (keptImage(String(start.id)) ?? images.get(String(start.id))) : undefined;
    if (!image) return { ...clip, start };
    const original = record?.originals[String(start.id)];
    if (original) originals[String(start.id)] = original;
    return { ...clip, start: { ...start, image } };
  });
  const restored = restoreDraft(
    {
      version: DRAFT_VERSION,
      id: entry.id,
      name: entry.name,
      portrait: entry.portrait,
      clips,
      originals,
      createdAt: entry.createdAt,
      updatedAt: entry.savedAt,
      missingImages: entry.missingImages,
      imagesWaived: entry.imagesWaived,
    },
    entry.id,
  );
  return restored.ok ? restored.draft : null;
}

async function fromStored(stored: StoredDraft): Promise<LoadedDraft> {
  const clips: Clip[] = await Promise.all(
    stored.clips.map(async (clip) => {
      const { image, ...start } = clip.start;
      return image
        ? { ...clip, start: { ...start, image: await blobToDataUrl(image) } }
        : { ...clip, start };
    }),
  );
  const timeline: Timeline = { portrait: stored.portrait, clips };
  const data: LoadedDraft = {
    draftId: stored.id,
    name: stored.name,
    timeline,
    originals: stored.originals,
    createdAt: stored.createdAt,
    savedAt: stored.updatedAt,
  };
  if (stored.missingImages) data.missingImages = stored.missingImages;
  if (stored.imagesWaived) data.imagesWaived = true;
  return data;
}

function imagesOf(data: KeptDraft): Map<string, string> {
  const images = new Map<string, string>();
  for (const clip of data.timeline.clips) {
    if (clip.start.image !== undefined) images.set(clip.start.id, clip.start.image);
  }
  return images;
}

/** The first start's image, for the drafts browser's thumbnail. */
function thumbnailOf(draft: StoredDraft): Blob | undefined {
  return draft.clips.find((clip) => clip.start.image)?.start.image;
}

export function createDraftPersistence(
  options: {
    delayMs?: number;
    dbName?: string;
    /** Where edits are journaled; the page's localStorage unless given (null: nowhere). */
    journal?: Storage | null;
  } = {},
): DraftPersistence {
  const dbName = options.dbName ?? "simulate-studio-drafts";
  let db: UseStore | null = null;
  const store = () => (db ??= createStore(dbName, "drafts"));
  const opened =
    options.journal === undefined
      ? browserJournalStorage()
      : { storage: options.journal, problem: null };
  const journal = opened.storage ? createEditJournal(opened.storage, `${dbName}:`) : null;
  // Set while the journal cannot be written; saves then go to IndexedDB without the delay.
  let journalProblem: Error | null = opened.problem;
  let journalProblemReported = false;
  const cache = new Map<string, WeakMap<object, Blob>>();
  let pending: { data: KeptDraft; at: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  let onError: ((error: Error) => void) | null = null;
  // When each change was made, strictly increasing: a record's `updatedAt` is the time of the
  // last change it holds, so it compares with a journal entry's `savedAt`.
  let lastAt = 0;
  const stamp = () => (lastAt = Math.max(Date.now(), lastAt + 1));
  // The images of the draft last handed to IndexedDB (or read from it), by start id. A change
  // that brings an image not among them is saved at once, so the image is not left only in
  // memory for the autosave delay: the journal holds no image bytes.
  let written: { draftId: string; images: Map<string, string> } | null = null;
  // The images IndexedDB holds, by draft and start, and those kept in the journal until it
  // does: an image is written to localStorage once, not at every later keystroke.
  const landed = new Map<string, Map<string, string>>();
  const kept = new Map<string, string>();
  // Images the journal refused, so a big one is neither tried nor reported at every keystroke.
  const refused = new Map<string, string>();
  const keptKey = (draftId: string, startId: string) => `${draftId}\n${startId}`;
  // The drafts this tab writes (see claim()); any other is only shown here.
  const claimed = new Set<string>();

  const markWritten = (data: KeptDraft) => {
    written = { draftId: data.draftId, images: imagesOf(data) };
  };

  const markLanded = (draftId: string, images: Map<string, string>) => {
    landed.set(draftId, images);
    const stale: string[] = [];
    for (const [key, image] of kept) {
      const [id, startId] = key.split("\n") as [string, string];
      if (id === draftId && images.get(startId) === image) stale.push(startId);
    }
    if (stale.length === 0) return;
    for (const startId of stale) kept.delete(keptKey(draftId, startId));
    journal?.dropImages(draftId, (startId, image) => images.get(startId) === image);
  };

  // An image IndexedDB does not hold yet goes to the journal with the edit that set it, so a
  // reload before the save lands keeps it; one back to what IndexedDB holds drops its copy.
  // Returns the starts whose new image the journal refused.
  const keepImages = (data: KeptDraft): string[] => {
    const notKept: string[] = [];
    if (!journal) return notKept;
    const held = landed.get(data.draftId);
    const present = new Set<string>();
    for (const { start } of data.timeline.clips) {
      present.add(start.id);
      const key = keptKey(data.draftId, start.id);
      const image = start.image;
      if (image === undefined || held?.get(start.id) === image) {
        if (kept.delete(key)) journal.dropImages(data.draftId, (id) => id === start.id);
        continue;
      }
      if (kept.get(key) === image || refused.get(key) === image) continue;
      try {
        journal.keepImage(data.draftId, start.id, image);
        kept.set(key, image);
        refused.delete(key);
      } catch {
        // Too big for what localStorage has left: the save right after is its only copy, and
        // the creator is told so (by schedule) rather than finding it gone after a reload.
        refused.set(key, image);
        notKept.push(start.id);
      }
    }
    return notKept;
  };

  const hasUnwrittenImage = (data: KeptDraft) =>
    data.timeline.clips.some(
      ({ start }) =>
        start.image !== undefined &&
        (written?.draftId !== data.draftId || written.images.get(start.id) !== start.image),
    );

  const journalEdit = (data: KeptDraft, at: number) => {
    if (journal) {
      try {
        journal.write(data, at);
        journalProblem = null;
        journalProblemReported = false;
        return;
      } catch (error) {
        journalProblem = error instanceof Error ? error : new JournalWriteError(String(error));
      }
    }
    // Said once until the journal works again, not at every keystroke.
    if (journalProblem && !journalProblemReported) {
      journalProblemReported = true;
      onError?.(journalProblem);
    }
  };

  const toStored = (data: KeptDraft, at: number): StoredDraft => {
    const blobs = cache.get(data.draftId) ?? new WeakMap<object, Blob>();
    cache.set(data.draftId, blobs);
    const stored: StoredDraft = {
      version: DRAFT_VERSION,
      id: data.draftId,
      name: data.name,
      portrait: data.timeline.portrait,
      clips: data.timeline.clips.map((clip) => {
        const { image, ...start } = clip.start;
        if (image === undefined) return { ...clip, start };
        // One conversion per start object: unchanged clips keep their identity between saves.
        let blob = blobs.get(clip.start);
        if (!blob) {
          blob = dataUrlToBlob(image);
          blobs.set(clip.start, blob);
        }
        return { ...clip, start: { ...start, image: blob } };
      }),
      originals: data.originals,
      createdAt: data.createdAt,
      updatedAt: at,
    };
    if (data.missingImages && data.missingImages.length > 0) {
      stored.missingImages = data.missingImages;
    }
    if (data.imagesWaived) stored.imagesWaived = true;
    return stored;
  };

  const isNewerThan = (raw: unknown, at: number) =>
    isObject(raw) && typeof raw.updatedAt === "number" && raw.updatedAt > at;

  // Written in order, a failed write not blocking the next; once a record is in IndexedDB its
  // journal entry has nothing newer to offer, unless an edit came after it.
  const put = (stored: StoredDraft, images?: Map<string, string>) => {
    saving = saving
      .catch(() => undefined)
      .then(async () => {
        let replaced = true;
        try {
          await update(
            `draft:${stored.id}`,
            (old: unknown) => {
              replaced = !isNewerThan(old, stored.updatedAt);
              return replaced ? stored : old;
            },
            store(),
          );
        } catch (error) {
          throw describe(error);
        }
        journal?.settle(stored.id, stored.updatedAt);
        if (replaced && images) markLanded(stored.id, images);
      })
      .catch((error: Error) => {
        onError?.(error);
        throw error;
      });
    return saving;
  };

  const persistence: DraftPersistence = {
    setErrorHandler(fn) {
      onError = fn;
    },
    async list(): Promise<DraftListing[]> {
      let summaries: DraftListing[];
      try {
        const ids = (await keys(store())).filter(
          (k): k is string => typeof k === "string" && k.startsWith("draft:"),
        );
        const records = await Promise.all(
          ids.map(async (key) => ({ key, raw: await get<unknown>(key, store()) })),
        );
        summaries = records
          .filter(({ raw }) => raw !== undefined)
          .map(({ key, raw }): DraftListing => {
            const id = key.slice("draft:".length);
            const restored = restoreDraft(raw, id);
            // Opening an unreadable one reports why, through load().
            if (!restored.ok) {
              return { id, name: UNREADABLE_DRAFT_NAME, updatedAt: 0, unreadable: true };
            }
            const { name, updatedAt, clips, portrait } = restored.draft;
            const listing: DraftListing = {
              id,
              name,
              updatedAt,
              streams: clips.length,
              portrait,
            };
            const thumbnail = thumbnailOf(restored.draft);
            if (thumbnail) listing.thumbnail = thumbnail;
            return listing;
          });
      } catch (error) {
        throw describe(error);
      }
      // Edits IndexedDB has not heard of yet, drafts it has never held among them.
      const byId = new Map(summaries.map((summary) => [summary.id, summary]));
      for (const entry of journal?.readAll() ?? []) {
        const known = byId.get(entry.id);
        if (known && known.updatedAt >= entry.savedAt) continue;
        const name = entry.name.trim() === "" ? DEFAULT_DRAFT_NAME : entry.name;
        byId.set(entry.id, {
          ...known,
          id: entry.id,
          name,
          updatedAt: entry.savedAt,
          streams: entry.clips.length,
          portrait: entry.portrait,
          unreadable: undefined,
        });
      }
      return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async load(id) {
      const entry = journal?.read(id) ?? null;
      let raw: unknown;
      // When IndexedDB cannot be read, the journal may still hold the draft, without images.
      let unreadable: Error | null = null;
      try {
        raw = await get<unknown>(`draft:${id}`, store());
      } catch (error) {
        unreadable = describe(error);
      }
      const restored = raw === undefined ? null : restoreDraft(raw, id);
      const record = restored?.ok ? restored.draft : null;
      if (entry && (record === null || entry.savedAt > record.updatedAt)) {
        const replayed = replayEntry(
          entry,
          record,
          (startId) => journal?.image(id, startId) ?? null,
        );
        if (replayed) {
          lastAt = Math.max(lastAt, replayed.updatedAt);
          const data = await fromStored(replayed);
          // Into IndexedDB at once; the entry is settled, and kept images dropped, when it lands.
          put(replayed, imagesOf(data)).catch(() => undefined);
          markWritten(data);
          return data;
        }
      } else if (record) {
        if (entry) journal?.settle(id, record.updatedAt);
        // The record holds every edit, so images kept for a save that never landed are stale.
        journal?.dropImages(id);
        for (const key of [...kept.keys()]) if (key.startsWith(`${id}\n`)) kept.delete(key);
      }
      if (unreadable) throw unreadable;
      if (restored === null) return null;
      if (!restored.ok) throw new UnreadableDraftError(restored.message);
      lastAt = Math.max(lastAt, restored.draft.updatedAt);
      const data = await fromStored(restored.draft);
      markWritten(data);
      landed.set(id, imagesOf(data));
      return data;
    },
    async remove(id) {
      try {
        await del(`draft:${id}`, store());
      } catch (error) {
        throw describe(error);
      }
      journal?.remove(id);
      journal?.dropImages(id);
      landed.delete(id);
    },
    watch(id, onChange) {
      if (!journal || typeof window === "undefined") return () => undefined;
      const key = journal.keyOf(id);
      // Another tab's edit lands in this tab's localStorage as a storage event.
      const onStorage = (event: StorageEvent) => {
        if (event.key === key) onChange();
      };
      window.addEventListener("storage", onStorage);
      return () => window.removeEventListener("storage", onStorage);
    },
    async lastOpenId() {
      const journaled = journal?.lastOpenId() ?? null;
      if (journaled !== null) return journaled;
      try {
        return (await get<string>("last-open", store())) ?? null;
      } catch (error) {
        throw describe(error);
      }
    },
    async setLastOpenId(id) {
      // At once, so a reload straight after opening a draft (an import) reopens that one.
      try {
        journal?.setLastOpenId(id);
      } catch {
        // IndexedDB still has it, a moment later.
      }
      try {
        await set("last-open", id, store());
      } catch (error) {
        throw describe(error);
      }
    },
    claim(id) {
      claimed.add(id);
    },
    release(id) {
      claimed.delete(id);
    },
    schedule(data) {
      if (!claimed.has(data.draftId)) {
        // A bug, not the creator's doing; said rather than written over another tab's draft.
        onError?.(new Error(`“${data.name}” is not this tab's to save; its change was not kept.`));
        return null;
      }
      if (pending && pending.data.draftId !== data.draftId) {
        persistence.flush().catch(() => undefined);
      }
      const at = stamp();
      const notKept = keepImages(data);
      journalEdit(data, at);
      // A journal that takes nothing at all is reported as that, not as one image too big.
      if (journalProblem === null) {
        for (const startId of notKept) onError?.(new ImageNotKeptError(data.draftId, startId));
      }
      pending = { data, at };
      if (timer) clearTimeout(timer);
      // Without the delay when the journal cannot cover the change: a new image is only in
      // memory until it reaches IndexedDB. Still a task later, so the changes of one action (an
      // image and its original) make one write.
      const urgent = journalProblem !== null || hasUnwrittenImage(data);
      // Background saves report failures through the error handler.
      timer = setTimeout(
        () => persistence.flush().catch(() => undefined),
        urgent ? 0 : (options.delayMs ?? 400),
      );
      return at;
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      const next = pending;
      pending = null;
      if (!next) return saving;
      markWritten(next.data);
      return put(toStored(next.data, next.at), imagesOf(next.data));
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
  return persistence;
}
