// Interim IndexedDB storage of drafts (the persistence module is being written alongside):
// images are stored as Blobs, not base64 text; saves are coalesced a moment after changes.
import { createStore, del, get, keys, set, type UseStore } from "idb-keyval";
import type { Clip, Timeline } from "../model/timeline";
import type { DraftData } from "../store/draft-store";
import type { DraftPersistence, DraftSummary } from "../hooks/use-draft-session";
import {
  DRAFT_VERSION,
  restoreDraft,
  type StoredDraft,
  UnreadableDraftError,
} from "./restore-draft";

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

// Blob.arrayBuffer where there is one; FileReader in environments that lack it (jsdom).
function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === "function") return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsArrayBuffer(blob);
  });
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

export function createDraftPersistence(
  options: { delayMs?: number; dbName?: string } = {},
): DraftPersistence {
  let db: UseStore | null = null;
  const store = () => (db ??= createStore(options.dbName ?? "simulate-studio-drafts", "drafts"));
  const cache = new Map<string, WeakMap<object, Blob>>();
  let pending: DraftData | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  let onError: ((error: Error) => void) | null = null;

  const toStored = (data: DraftData): StoredDraft => {
    const blobs = cache.get(data.draftId) ?? new WeakMap<object, Blob>();
    cache.set(data.draftId, blobs);
    return {
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
      updatedAt: Date.now(),
    };
  };

  const write = async (data: DraftData) => {
    try {
      await set(`draft:${data.draftId}`, toStored(data), store());
    } catch (error) {
      throw describe(error);
    }
  };

  const persistence: DraftPersistence = {
    setErrorHandler(fn) {
      onError = fn;
    },
    async list(): Promise<DraftSummary[]> {
      try {
        const ids = (await keys(store())).filter(
          (k): k is string => typeof k === "string" && k.startsWith("draft:"),
        );
        const records = await Promise.all(
          ids.map(async (key) => ({ key, raw: await get<unknown>(key, store()) })),
        );
        return records
          .filter(({ raw }) => raw !== undefined)
          .map(({ key, raw }): DraftSummary => {
            const id = key.slice("draft:".length);
            const restored = restoreDraft(raw, id);
            // Opening an unreadable one reports why, through load().
            if (!restored.ok) return { id, name: UNREADABLE_DRAFT_NAME, updatedAt: 0 };
            const { name, updatedAt } = restored.draft;
            return { id, name, updatedAt };
          })
          .sort((a, b) => b.updatedAt - a.updatedAt);
      } catch (error) {
        throw describe(error);
      }
    },
    async load(id) {
      let raw: unknown;
      try {
        raw = await get<unknown>(`draft:${id}`, store());
      } catch (error) {
        throw describe(error);
      }
      if (raw === undefined) return null;
      const restored = restoreDraft(raw, id);
      if (!restored.ok) throw new UnreadableDraftError(restored.message);
      const stored: StoredDraft = restored.draft;
      const clips: Clip[] = await Promise.all(
        stored.clips.map(async (clip) => {
          const { image, ...start } = clip.start;
          return image
            ? { ...clip, start: { ...start, image: await blobToDataUrl(image) } }
            : { ...clip, start };
        }),
      );
      const timeline: Timeline = { portrait: stored.portrait, clips };
      return {
        draftId: stored.id,
        name: stored.name,
        timeline,
        originals: stored.originals,
        createdAt: stored.createdAt,
      };
    },
    async remove(id) {
      try {
        await del(`draft:${id}`, store());
      } catch (error) {
        throw describe(error);
      }
    },
    async lastOpenId() {
      try {
        return (await get<string>("last-open", store())) ?? null;
      } catch (error) {
        throw describe(error);
      }
    },
    async setLastOpenId(id) {
      try {
        await set("last-open", id, store());
      } catch (error) {
        throw describe(error);
      }
    },
    schedule(data) {
      if (pending && pending.draftId !== data.draftId) persistence.flush().catch(() => undefined);
      pending = data;
      if (timer) clearTimeout(timer);
      // Background saves report failures through the error handler.
      timer = setTimeout(() => persistence.flush().catch(() => undefined), options.delayMs ?? 400);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      const data = pending;
      pending = null;
      if (data) {
        // A failed save must not block the next one.
        saving = saving
          .catch(() => undefined)
          .then(() => write(data))
          .catch((error: Error) => {
            onError?.(error);
            throw error;
          });
      }
      return saving;
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
  return persistence;
}
