// A draft's document, shared by the features that edit it (timeline) and keep it (drafts): a
// script's streams as clips that own their entries, so the editor moves a clip as one thing,
// while the wire format stays a flat list (see the timeline's model/convert.ts).

export interface StartEntry {
  id: string;
  timestampMs: number;
  prompt: string;
  /** The image as it is submitted: a data URL already cropped to the model's frame. */
  image?: string;
  /** What the creator calls the stream, shown on the timeline; not part of the script. */
  name?: string;
  /** The stream's colour on the timeline, a CSS colour; not part of the script. */
  color?: string;
}

export interface InteractionEntry {
  id: string;
  timestampMs: number;
  prompt: string;
}

export interface EndEntry {
  id: string;
  timestampMs: number;
}

export interface Clip {
  id: string;
  start: StartEntry;
  /** In script order: by time, ties in the order they were written. */
  interactions: InteractionEntry[];
  end: EndEntry;
}

export interface Timeline {
  portrait: boolean;
  clips: Clip[];
}

/** A draft as it is kept: the document and what identifies it. */
export interface DraftData {
  draftId: string;
  name: string;
  timeline: Timeline;
  /** Originals of the starts' images, by start id, kept to re-crop when orientation changes. */
  originals: Record<string, Blob>;
  createdAt: number;
}

export function createId(): string {
  return crypto.randomUUID();
}

export function emptyTimeline(portrait = false): Timeline {
  return { portrait, clips: [] };
}

/** A stored draft as a list names it. */
export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: number;
}
