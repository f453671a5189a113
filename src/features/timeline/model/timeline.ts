// The studio's editing model of a script: streams as clips that own their entries, so the
// editor moves a clip as one thing, while the wire format stays a flat list (see convert.ts).

export interface StartEntry {
  id: string;
  timestampMs: number;
  prompt: string;
  /** The image as it is submitted: a data URL already cropped to the model's frame. */
  image?: string;
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

export type EntryKind = "start" | "interact" | "end";

export function createId(): string {
  return crypto.randomUUID();
}

export function emptyTimeline(portrait = false): Timeline {
  return { portrait, clips: [] };
}

/**
 * Entry ids in the order `timelineToScript` emits their entries, so a problem that
 * `validateScript` reports by script index can be pinned on its timeline entry.
 */
export function entryIdsInScriptOrder(timeline: Timeline): string[] {
  const ids: string[] = [];
  for (const clip of timeline.clips) {
    ids.push(clip.start.id);
    for (const interaction of clip.interactions) ids.push(interaction.id);
    ids.push(clip.end.id);
  }
  return ids;
}
