// Reads a draft record from storage whatever shape it was saved in: migrates older versions,
// fills fields a record lacks with defaults, and rejects records that cannot be a draft with a
// message naming what is wrong, so one damaged record never takes the studio down with it
// (after Excalidraw's data/restore.ts).
import type { Clip, EndEntry, InteractionEntry, StartEntry } from "../../../lib/draft/document";
import { createId } from "../../../lib/draft/document";

/** The version `createDraftPersistence` writes. Bump it, and add a step below, on a change. */
export const DRAFT_VERSION = 1;

export const DEFAULT_DRAFT_NAME = "Untitled script";

/** A start as stored: its image a Blob (or, in records written before versions, a data URL). */
export type StoredStart = Omit<StartEntry, "image"> & { image?: Blob };
export type StoredClip = Omit<Clip, "start"> & { start: StoredStart };

export interface StoredDraft {
  version: typeof DRAFT_VERSION;
  id: string;
  name: string;
  portrait: boolean;
  clips: StoredClip[];
  originals: Record<string, Blob>;
  createdAt: number;
  updatedAt: number;
  /** Start ids whose image did not come along (a share link); absent when none. */
  missingImages?: string[];
  /** The creator chose to submit without those images. */
  imagesWaived?: true;
}

/**
 * A stored draft that cannot be read. Storage itself works, so it is the one draft's problem,
 * not a reason to warn that drafts are not being saved.
 */
export class UnreadableDraftError extends Error {
  override name = "UnreadableDraftError";
}

export type RestoreResult = { ok: true; draft: StoredDraft } | { ok: false; message: string };

class RestoreError extends Error {}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

function id(value: unknown): string {
  return typeof value === "string" && value !== "" ? value : createId();
}

function time(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RestoreError(`${what} has no valid time`);
  }
  return Math.round(value);
}

function dataUrlToBlob(dataUrl: string): Blob | undefined {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) return undefined;
  try {
    const binary = atob(match[2] as string);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: match[1] });
  } catch {
    return undefined;
  }
}

/** A Blob, or a data URL turned into one; anything else means no image. */
function image(value: unknown): Blob | undefined {
  if (isBlob(value)) return value;
  if (typeof value === "string") return dataUrlToBlob(value);
  return undefined;
}

function restoreClip(raw: unknown, index: number): StoredClip {
  const what = `Stream ${index + 1}`;
  if (!isObject(raw)) throw new RestoreError(`${what} is not a stream`);
  if (!isObject(raw.start)) throw new RestoreError(`${what} has no start`);
  if (!isObject(raw.end)) throw new RestoreError(`${what} has no end`);
  const start: StoredStart = {
    id: id(raw.start.id),
    timestampMs: time(raw.start.timestampMs, `${what}'s start`),
    prompt: text(raw.start.prompt, ""),
  };
  const startImage = image(raw.start.image);
  if (startImage) start.image = startImage;
  // A stream's name and colour, where the studio that saved it had them.
  if (typeof raw.start.name === "string") start.name = raw.start.name;
  if (typeof raw.start.color === "string") start.color = raw.start.color;

  if (raw.interactions !== undefined && !Array.isArray(raw.interactions)) {
    throw new RestoreError(`${what}'s interactions are not a list`);
  }
  const interactions: InteractionEntry[] = (raw.interactions ?? []).map(
    (interaction: unknown, n: number) => {
      const label = `${what}'s interaction ${n + 1}`;
      if (!isObject(interaction)) throw new RestoreError(`${label} is not an interaction`);
      return {
        id: id(interaction.id),
        timestampMs: time(interaction.timestampMs, label),
        prompt: text(interaction.prompt, ""),
      };
    },
  );
  // The editor keeps interactions in time order; a stable sort keeps ties as written.
  interactions.sort((a, b) => a.timestampMs - b.timestampMs);
  const end: EndEntry = {
    id: id(raw.end.id),
    timestampMs: time(raw.end.timestampMs, `${what}'s end`),
  };
  return { id: id(raw.id), start, interactions, end };
}

function restoreOriginals(raw: unknown): Record<string, Blob> {
  if (!isObject(raw)) return {};
  const originals: Record<string, Blob> = {};
  for (const [startId, blob] of Object.entries(raw)) if (isBlob(blob)) originals[startId] = blob;
  return originals;
}

/**
 * Version 0 is any record without a `version`: the same fields as version 1, but images may be
 * data URLs, as the editor holds them, rather than Blobs. Restoring a clip turns both into Blobs,
 * so it needs no step of its own.
 */
function restoreCurrent(raw: Fields, fallbackId: string | undefined): StoredDraft {
  const draftId = typeof raw.id === "string" && raw.id !== "" ? raw.id : fallbackId;
  if (draftId === undefined) throw new RestoreError("It has no id");
  if (raw.clips !== undefined && !Array.isArray(raw.clips)) {
    throw new RestoreError("Its streams are not a list");
  }
  const clips = (raw.clips ?? []).map(restoreClip);
  clips.sort((a: StoredClip, b: StoredClip) => a.start.timestampMs - b.start.timestampMs);
  const updatedAt =
    typeof raw.updatedAt === "number" && Number.isFinite(raw.updatedAt) ? raw.updatedAt : 0;
  const createdAt =
    typeof raw.createdAt === "number" && Number.isFinite(raw.createdAt) ? raw.createdAt : updatedAt;
  const name = text(raw.name, "").trim() === "" ? DEFAULT_DRAFT_NAME : (raw.name as string);
  const draft: StoredDraft = {
    version: DRAFT_VERSION,
    id: draftId,
    name,
    portrait: raw.portrait === true,
    clips,
    originals: restoreOriginals(raw.originals),
    createdAt,
    updatedAt,
  };
  const missing = Array.isArray(raw.missingImages)
    ? raw.missingImages.filter((id): id is string => typeof id === "string")
    : [];
  if (missing.length > 0) draft.missingImages = missing;
  if (raw.imagesWaived === true) draft.imagesWaived = true;
  return draft;
}

/**
 * Restores a stored draft record of any version. `fallbackId` (the record's key) stands in for
 * an id the record lacks.
 */
export function restoreDraft(raw: unknown, fallbackId?: string): RestoreResult {
  try {
    if (!isObject(raw)) throw new RestoreError("It is not a draft record");
    const version = raw.version ?? 0;
    if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
      throw new RestoreError(`Its version (${String(version)}) is not one the studio knows`);
    }
    if (version > DRAFT_VERSION) {
      throw new RestoreError(
        `It was saved by a newer studio (draft version ${version}; this one reads up to ${DRAFT_VERSION})`,
      );
    }
    return { ok: true, draft: restoreCurrent(raw, fallbackId) };
  } catch (error) {
    // Only RestoreError is expected; anything else is a bug in this file, and is still a
    // record that could not be read rather than a crash of the studio.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This draft could not be read. ${reason}.` };
  }
}
