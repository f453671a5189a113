// A write-ahead journal of draft edits in localStorage. An IndexedDB write is asynchronous, and
// a reload, a closed tab or a crashed renderer can drop one still in flight; setItem is
// synchronous, and once it returns the value is the browser's, not the page's. So every edit is
// journaled at once, the IndexedDB save that follows settles the entry, and loading a draft
// replays an entry newer than its IndexedDB copy. Images stay out of entries (a cropped frame is
// a data URL of hundreds of KB, and an entry is rewritten at every keystroke): an entry only
// marks the starts that have one, and replay takes those images from IndexedDB, or, for an
// image IndexedDB has not taken yet, from its own key here, written once and removed when the
// save that holds it lands.
import type { Clip, StartEntry } from "../../../lib/draft/document";
import type { KeptDraft } from "../hooks/use-draft-session";

const JOURNAL_VERSION = 1;

export type JournalStart = Omit<StartEntry, "image"> & { hasImage?: true };
export type JournalClip = Omit<Clip, "start"> & { start: JournalStart };

/** An entry as read back: its header checked, its streams left for `restoreDraft` to check. */
export interface JournalEntry {
  savedAt: number;
  id: string;
  name: string;
  portrait: boolean;
  createdAt: number;
  clips: unknown[];
  missingImages?: unknown;
  imagesWaived?: unknown;
}

/** The browser refused a journal write: storage full, or web storage blocked. */
export class JournalWriteError extends Error {
  override name = "JournalWriteError";
}

export interface EditJournal {
  /** Keeps `data` as edited at `savedAt`; throws JournalWriteError when the browser refuses. */
  write(data: KeptDraft, savedAt: number): void;
  /** The entry of draft `id`, or null when there is none or it is damaged. */
  read(id: string): JournalEntry | null;
  readAll(): JournalEntry[];
  /** Drops the entry of draft `id` unless it holds an edit newer than `savedAt`. */
  settle(id: string, savedAt: number): void;
  remove(id: string): void;
  lastOpenId(): string | null;
  setLastOpenId(id: string): void;
  /** Keeps an image IndexedDB does not hold yet; throws JournalWriteError when refused. */
  keepImage(draftId: string, startId: string, dataUrl: string): void;
  /** The image kept for a start of draft `draftId`, or null. */
  image(draftId: string, startId: string): string | null;
  /** Drops the kept images of draft `draftId` that `drop` picks (all, without it). */
  dropImages(draftId: string, drop?: (startId: string, dataUrl: string) => boolean): void;
  /** The journal key of draft `id`'s entry, to tell its storage events apart. */
  keyOf(id: string): string;
}

/**
 * An image too big for the journal (localStorage) to keep the instant it was set: until the
 * draft's save to IndexedDB lands, a reload or a crash would lose it. Reported once per image.
 */
export class ImageNotKeptError extends Error {
  constructor(
    readonly draftId: string,
    readonly startId: string,
  ) {
    super("An image is too big to keep the instant it is set.");
    this.name = "ImageNotKeptError";
  }
}

export const JOURNAL_FULL_MESSAGE =
  "This browser's localStorage is full, so the studio cannot keep each edit the instant it is made: one made just before a reload or a crash may be lost. Drafts are still saved in IndexedDB, at once after each change.";

function refusal(error: unknown): JournalWriteError {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "QuotaExceededError") return new JournalWriteError(JOURNAL_FULL_MESSAGE);
  return new JournalWriteError(
    "This browser does not let the studio use localStorage, so an edit made just before a reload or a crash may be lost. Drafts are still saved in IndexedDB, at once after each change.",
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function journalClips(data: KeptDraft): JournalClip[] {
  return data.timeline.clips.map((clip) => {
    const { image, ...start } = clip.start;
    return image === undefined ? clip : { ...clip, start: { ...start, hasImage: true } };
  });
}

/** `prefix` scopes the keys, e.g. to one IndexedDB database's drafts. */
export function createEditJournal(storage: Storage, prefix: string): EditJournal {
  const entryPrefix = `${prefix}journal:`;
  const key = (id: string) => `${entryPrefix}${id}`;
  const lastOpenKey = `${prefix}last-open`;
  const imagePrefix = (draftId: string) => `${prefix}image:${draftId}:`;

  const parse = (text: string, id: string | null): JournalEntry | null => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return null;
    }
    if (
      !isObject(raw) ||
      raw.v !== JOURNAL_VERSION ||
      typeof raw.savedAt !== "number" ||
      !Number.isFinite(raw.savedAt) ||
      typeof raw.id !== "string" ||
      (id !== null && raw.id !== id) ||
      typeof raw.name !== "string" ||
      typeof raw.portrait !== "boolean" ||
      typeof raw.createdAt !== "number" ||
      !Array.isArray(raw.clips)
    ) {
      return null;
    }
    const { savedAt, name, portrait, createdAt, clips, missingImages, imagesWaived } = raw;
    return { savedAt, id: raw.id, name, portrait, createdAt, clips, missingImages, imagesWaived };
  };

  const remove = (id: string) => {
    try {
      storage.removeItem(key(id));
    } catch {
      // Nothing to free in storage that cannot be reached.
    }
  };

  const getItem = (name: string): string | null => {
    try {
      return storage.getItem(name);
    } catch {
      return null;
    }
  };

  return {
    write(data, savedAt) {
      // `v` and `savedAt` first: settle() reads them without parsing the whole entry.
      const text = JSON.stringify({
        v: JOURNAL_VERSION,
        savedAt,
        id: data.draftId,
        name: data.name,
        portrait: data.timeline.portrait,
        createdAt: data.createdAt,
        clips: journalClips(data),
        missingImages: data.missingImages,
        imagesWaived: data.imagesWaived,
      });
      try {
        storage.setItem(key(data.draftId), text);
      } catch (error) {
        throw refusal(error);
      }
    },
    read(id) {
      const text = getItem(key(id));
      return text === null ? null : parse(text, id);
    },
    readAll() {
      const entries: JournalEntry[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name === null || !name.startsWith(entryPrefix)) continue;
          const text = getItem(name);
          const entry = text === null ? null : parse(text, name.slice(entryPrefix.length));
          if (entry) entries.push(entry);
        }
      } catch {
        // Storage that cannot be listed has no entries to offer.
      }
      return entries;
    },
    settle(id, savedAt) {
      const text = getItem(key(id));
      if (text === null) return;
      const head = /^\{"v":1,"savedAt":(\d+)[,}]/.exec(text.slice(0, 64));
      // An entry whose header is damaged could never be replayed either.
      if (head && Number(head[1]) > savedAt) return;
      remove(id);
    },
    remove,
    lastOpenId() {
      return getItem(lastOpenKey);
    },
    setLastOpenId(id) {
      try {
        storage.setItem(lastOpenKey, id);
      } catch (error) {
        throw refusal(error);
      }
    },
    keepImage(draftId, startId, dataUrl) {
      try {
        storage.setItem(`${imagePrefix(draftId)}${startId}`, dataUrl);
      } catch (error) {
        throw refusal(error);
      }
    },
    image(draftId, startId) {
      return getItem(`${imagePrefix(draftId)}${startId}`);
    },
    dropImages(draftId, drop) {
      const start = imagePrefix(draftId);
      const names: string[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name !== null && name.startsWith(start)) names.push(name);
        }
        for (const name of names) {
          const text = drop ? getItem(name) : null;
          if (!drop || (text !== null && drop(name.slice(start.length), text))) {
            storage.removeItem(name);
          }
        }
      } catch {
        // Storage that cannot be reached holds nothing to drop.
      }
    },
    keyOf: key,
  };
}

/**
 * The page's localStorage, or why there is none. Where web storage does not exist at all (a
 * Node test), there is no journal and nothing to report.
 */
export function browserJournalStorage(): { storage: Storage | null; problem: Error | null } {
  try {
    if (typeof localStorage === "undefined") return { storage: null, problem: null };
    return { storage: localStorage, problem: null };
  } catch (error) {
    return { storage: null, problem: refusal(error) };
  }
}
