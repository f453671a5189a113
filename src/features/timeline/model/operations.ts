// Every edit the timeline editor makes, as pure functions from a timeline to a new one. They
// clamp instead of failing, so whatever a drag, a nudge or a typed time proposes, the result
// keeps the rules: clips in order and never overlapping, interactions inside their clip and no
// later than its last frame (so the video shows them), and streams at least MIN_STREAM_MS long.
// Unchanged clips keep their identity, so memoised components of untouched clips do not
// re-render.
import { FRAME_MS, MIN_STREAM_MS } from "../../../contract/script";
import { lastFrameMs } from "../../../contract/validate-script";
import {
  type Clip,
  type EntryKind,
  entryIdsInScriptOrder,
  type InteractionEntry,
  type Timeline,
} from "./timeline";

export const DEFAULT_STREAM_MS = 5000;

export interface EntryRef {
  kind: EntryKind;
  clipIndex: number;
  clip: Clip;
  /** -1 unless kind is "interact". */
  interactionIndex: number;
  timestampMs: number;
}

export interface MoveOptions {
  /** Shift every later entry by the same amount, so inserting time is one gesture. */
  ripple?: boolean;
}

export function locateEntry(timeline: Timeline, id: string): EntryRef | null {
  const { clips } = timeline;
  for (let clipIndex = 0; clipIndex < clips.length; clipIndex++) {
    const clip = clips[clipIndex] as Clip;
    if (clip.start.id === id) {
      return {
        kind: "start",
        clipIndex,
        clip,
        interactionIndex: -1,
        timestampMs: clip.start.timestampMs,
      };
    }
    if (clip.end.id === id) {
      return {
        kind: "end",
        clipIndex,
        clip,
        interactionIndex: -1,
        timestampMs: clip.end.timestampMs,
      };
    }
    const interactionIndex = clip.interactions.findIndex((i) => i.id === id);
    if (interactionIndex !== -1) {
      const interaction = clip.interactions[interactionIndex] as InteractionEntry;
      return {
        kind: "interact",
        clipIndex,
        clip,
        interactionIndex,
        timestampMs: interaction.timestampMs,
      };
    }
  }
  return null;
}

export function clipIndexOf(timeline: Timeline, clipId: string): number {
  return timeline.clips.findIndex((clip) => clip.id === clipId);
}

/** The clip whose id, start or end is `id`, so selecting a start or an end stands for its clip. */
export function clipOfEntry(timeline: Timeline, id: string): Clip | null {
  for (const clip of timeline.clips) {
    if (clip.id === id || clip.start.id === id || clip.end.id === id) return clip;
  }
  return null;
}

/** The clip spanning `ms` (ends inclusive); when two touch at `ms`, the later one. */
export function clipAt(timeline: Timeline, ms: number): Clip | null {
  const { clips } = timeline;
  let lo = 0;
  let hi = clips.length - 1;
  let found: Clip | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const clip = clips[mid] as Clip;
    if (clip.start.timestampMs <= ms) {
      if (ms <= clip.end.timestampMs) found = clip;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export function timelineEndMs(timeline: Timeline): number {
  return timeline.clips.at(-1)?.end.timestampMs ?? 0;
}

export function entryCount(timeline: Timeline): number {
  let count = 0;
  for (const clip of timeline.clips) count += 2 + clip.interactions.length;
  return count;
}

function previousEndMs(timeline: Timeline, clipIndex: number): number {
  return clipIndex > 0 ? (timeline.clips[clipIndex - 1] as Clip).end.timestampMs : 0;
}

function nextStartMs(timeline: Timeline, clipIndex: number): number {
  const next = timeline.clips[clipIndex + 1];
  return next ? next.start.timestampMs : Number.POSITIVE_INFINITY;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The latest an interaction of `clip` may come and still be seen: its stream's last frame. */
export function latestInteractionMs(clip: Clip): number {
  return Math.max(
    clip.start.timestampMs,
    lastFrameMs(clip.start.timestampMs, clip.end.timestampMs),
  );
}

function showsAllInteractions(clip: Clip): boolean {
  const last = clip.interactions.at(-1);
  return last === undefined || last.timestampMs <= latestInteractionMs(clip);
}

/** The earliest end that keeps an interaction at `interactionMs` on its stream's last frame. */
function earliestEndShowing(startMs: number, interactionMs: number): number {
  // The interaction needs its frame and one frame after it to have started by the end;
  // the frame count is rounded, so a stream half a frame short of that still holds them.
  const frames = Math.ceil((interactionMs - startMs) / FRAME_MS) + 1;
  return startMs + frames * FRAME_MS - FRAME_MS / 2;
}

/** The range of times an entry (or, for a clip id, its start) may move to. */
export function moveBounds(
  timeline: Timeline,
  id: string,
  options: MoveOptions = {},
): { min: number; max: number } | null {
  const clipIndex = clipIndexOf(timeline, id);
  if (clipIndex !== -1) {
    const clip = timeline.clips[clipIndex] as Clip;
    const length = clip.end.timestampMs - clip.start.timestampMs;
    return {
      min: previousEndMs(timeline, clipIndex),
      max: options.ripple ? Number.POSITIVE_INFINITY : nextStartMs(timeline, clipIndex) - length,
    };
  }
  const ref = locateEntry(timeline, id);
  if (!ref) return null;
  const { clip } = ref;
  const startMs = clip.start.timestampMs;
  const endMs = clip.end.timestampMs;
  const lastInteraction = clip.interactions.at(-1);
  if (ref.kind === "start") {
    if (options.ripple)
      return { min: previousEndMs(timeline, ref.clipIndex), max: Number.POSITIVE_INFINITY };
    const firstInteractionMs = clip.interactions[0]?.timestampMs ?? endMs;
    return {
      min: previousEndMs(timeline, ref.clipIndex),
      max: Math.min(endMs - MIN_STREAM_MS, firstInteractionMs),
    };
  }
  if (ref.kind === "interact") {
    if (options.ripple) {
      // The end moves with the interaction, so the stream may not shrink below its minimum;
      // and the interactions before it stay, so it may not pass them (ties are allowed).
      const previousMs = clip.interactions[ref.interactionIndex - 1]?.timestampMs ?? startMs;
      const min = Math.max(previousMs, ref.timestampMs - (endMs - startMs - MIN_STREAM_MS));
      return { min, max: Number.POSITIVE_INFINITY };
    }
    return { min: startMs, max: latestInteractionMs(clip) };
  }
  return {
    min: Math.max(
      startMs + MIN_STREAM_MS,
      lastInteraction ? earliestEndShowing(startMs, lastInteraction.timestampMs) : startMs,
    ),
    max: options.ripple ? Number.POSITIVE_INFINITY : nextStartMs(timeline, ref.clipIndex),
  };
}

function shiftClip(clip: Clip, deltaMs: number): Clip {
  if (deltaMs === 0) return clip;
  return {
    ...clip,
    start: { ...clip.start, timestampMs: clip.start.timestampMs + deltaMs },
    interactions: clip.interactions.map((i) => ({ ...i, timestampMs: i.timestampMs + deltaMs })),
    end: { ...clip.end, timestampMs: clip.end.timestampMs + deltaMs },
  };
}

function shiftClipsFrom(clips: Clip[], fromIndex: number, deltaMs: number): Clip[] {
  if (deltaMs === 0) return clips;
  return clips.map((clip, index) => (index >= fromIndex ? shiftClip(clip, deltaMs) : clip));
}

function sortInteractions(interactions: InteractionEntry[]): InteractionEntry[] {
  // Array.prototype.sort is stable, so ties keep the order they were written in.
  return [...interactions].sort((a, b) => a.timestampMs - b.timestampMs);
}

function replaceClip(timeline: Timeline, clipIndex: number, clip: Clip): Timeline {
  const clips = timeline.clips.slice();
  clips[clipIndex] = clip;
  return { ...timeline, clips };
}

/**
 * Moves one entry, or a whole clip when `id` is a clip's id, to `ms` (clamped to what the
 * rules allow). Moving a start changes the stream's length; its interactions stay put. A move
 * that would leave an interaction after its stream's last frame lands on the nearest time,
 * within a frame, that keeps it seen, or changes nothing.
 */
export function moveEntry(
  timeline: Timeline,
  id: string,
  ms: number,
  options: MoveOptions = {},
): Timeline {
  const bounds = moveBounds(timeline, id, options);
  if (!bounds) return timeline;
  const target = Math.round(clamp(ms, bounds.min, bounds.max));
  const moved = placeEntry(timeline, id, target, options);
  const ref = locateEntry(timeline, id);
  // A whole clip keeps its length, so only an entry's own clip can stop showing an interaction.
  if (!ref || keepsInteractionsSeen(timeline, moved, ref.clipIndex)) return moved;
  // Moving a start, or rippling an interaction with the end behind it, changes how many frames
  // the stream holds while its last interaction keeps its distance to the end, so the last
  // frame can fall before it. The nearest time that keeps it seen is under a frame away; of
  // two as near, the one that moves the entry less.
  const towardEntry = ref.timestampMs < target ? -1 : 1;
  for (let step = 1; step <= FRAME_MS; step++) {
    for (const candidate of [target + towardEntry * step, target - towardEntry * step]) {
      if (candidate < bounds.min || candidate > bounds.max) continue;
      const next = placeEntry(timeline, id, candidate, options);
      if (keepsInteractionsSeen(timeline, next, ref.clipIndex)) return next;
    }
  }
  return timeline;
}

/** True unless the clip at `clipIndex` showed all its interactions before and no longer does. */
function keepsInteractionsSeen(before: Timeline, after: Timeline, clipIndex: number): boolean {
  const was = before.clips[clipIndex];
  const now = after.clips[clipIndex];
  if (!was || !now || was === now) return true;
  return !showsAllInteractions(was) || showsAllInteractions(now);
}

/** `moveEntry` once the time is known to be within bounds. */
function placeEntry(
  timeline: Timeline,
  id: string,
  target: number,
  options: MoveOptions,
): Timeline {
  const clipIndex = clipIndexOf(timeline, id);
  if (clipIndex !== -1) {
    const clip = timeline.clips[clipIndex] as Clip;
    const delta = target - clip.start.timestampMs;
    if (delta === 0) return timeline;
    if (options.ripple)
      return { ...timeline, clips: shiftClipsFrom(timeline.clips, clipIndex, delta) };
    return replaceClip(timeline, clipIndex, shiftClip(clip, delta));
  }

  const ref = locateEntry(timeline, id) as EntryRef;
  const delta = target - ref.timestampMs;
  if (delta === 0) return timeline;
  const { clip } = ref;

  if (options.ripple) {
    // Everything from this entry on moves: the rest of its clip and every later clip.
    const clips = shiftClipsFrom(timeline.clips, ref.clipIndex + 1, delta);
    let moved: Clip;
    if (ref.kind === "start") {
      moved = shiftClip(clip, delta);
    } else if (ref.kind === "interact") {
      moved = {
        ...clip,
        interactions: sortInteractions(
          clip.interactions.map((i, index) =>
            index >= ref.interactionIndex ? { ...i, timestampMs: i.timestampMs + delta } : i,
          ),
        ),
        end: { ...clip.end, timestampMs: clip.end.timestampMs + delta },
      };
    } else {
      moved = { ...clip, end: { ...clip.end, timestampMs: target } };
    }
    clips[ref.clipIndex] = moved;
    return { ...timeline, clips };
  }

  if (ref.kind === "start") {
    return replaceClip(timeline, ref.clipIndex, {
      ...clip,
      start: { ...clip.start, timestampMs: target },
    });
  }
  if (ref.kind === "end") {
    return replaceClip(timeline, ref.clipIndex, {
      ...clip,
      end: { ...clip.end, timestampMs: target },
    });
  }
  const interactions = clip.interactions.map((i, index) =>
    index === ref.interactionIndex ? { ...i, timestampMs: target } : i,
  );
  return replaceClip(timeline, ref.clipIndex, {
    ...clip,
    interactions: sortInteractions(interactions),
  });
}

/** Moves a clip with all its entries so that it starts at `startMs`. */
export function moveClip(
  timeline: Timeline,
  clipId: string,
  startMs: number,
  options: MoveOptions = {},
): Timeline {
  return moveEntry(timeline, clipId, startMs, options);
}

/** Drags a clip's end edge: changes the stream's length. */
export function resizeClip(
  timeline: Timeline,
  clipId: string,
  endMs: number,
  options: MoveOptions = {},
): Timeline {
  const index = clipIndexOf(timeline, clipId);
  if (index === -1) return timeline;
  return moveEntry(timeline, (timeline.clips[index] as Clip).end.id, endMs, options);
}

/**
 * What a group move acts on: a selected start, end or clip id moves its whole clip; a selected
 * interaction moves alone unless its clip moves anyway.
 */
function groupUnits(timeline: Timeline, ids: readonly string[]) {
  const wanted = new Set(ids);
  const clipIndexes = new Set<number>();
  timeline.clips.forEach((clip, index) => {
    if (wanted.has(clip.id) || wanted.has(clip.start.id) || wanted.has(clip.end.id))
      clipIndexes.add(index);
  });
  const interactionIds = new Set<string>();
  timeline.clips.forEach((clip, index) => {
    if (clipIndexes.has(index)) return;
    for (const i of clip.interactions) if (wanted.has(i.id)) interactionIds.add(i.id);
  });
  return { clipIndexes, interactionIds };
}

/**
 * With ripple, a group moves as its earliest member does: that member and everything after it
 * shift together, so the others (all later) keep their distance to it and to their neighbours.
 * Returns the id that stands for the group (a clip id for a whole clip) and its time.
 */
function rippleAnchor(
  timeline: Timeline,
  ids: readonly string[],
): { id: string; timestampMs: number } | null {
  const { clipIndexes, interactionIds } = groupUnits(timeline, ids);
  for (let index = 0; index < timeline.clips.length; index++) {
    const clip = timeline.clips[index] as Clip;
    if (clipIndexes.has(index)) return { id: clip.id, timestampMs: clip.start.timestampMs };
    const interaction = clip.interactions.find((i) => interactionIds.has(i.id));
    if (interaction) return { id: interaction.id, timestampMs: interaction.timestampMs };
  }
  return null;
}

/** The range of deltas a group move may apply without breaking a rule. */
export function groupDeltaBounds(
  timeline: Timeline,
  ids: readonly string[],
  options: MoveOptions = {},
): { min: number; max: number } {
  if (options.ripple) {
    const anchor = rippleAnchor(timeline, ids);
    const bounds = anchor && moveBounds(timeline, anchor.id, options);
    if (!anchor || !bounds) return { min: 0, max: 0 };
    return { min: bounds.min - anchor.timestampMs, max: bounds.max - anchor.timestampMs };
  }
  const { clipIndexes, interactionIds } = groupUnits(timeline, ids);
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  const { clips } = timeline;
  // Moved clips keep their distance to each other, so only the nearest clip that stays put
  // on either side limits them.
  let fixedEnd = 0;
  for (let index = 0; index < clips.length; index++) {
    const clip = clips[index] as Clip;
    if (clipIndexes.has(index)) min = Math.max(min, fixedEnd - clip.start.timestampMs);
    else fixedEnd = clip.end.timestampMs;
  }
  let fixedStart = Number.POSITIVE_INFINITY;
  for (let index = clips.length - 1; index >= 0; index--) {
    const clip = clips[index] as Clip;
    if (clipIndexes.has(index)) max = Math.min(max, fixedStart - clip.end.timestampMs);
    else fixedStart = clip.start.timestampMs;
  }
  for (const clip of clips) {
    for (const i of clip.interactions) {
      if (!interactionIds.has(i.id)) continue;
      min = Math.max(min, clip.start.timestampMs - i.timestampMs);
      max = Math.min(max, latestInteractionMs(clip) - i.timestampMs);
    }
  }
  if (min > max) return { min: 0, max: 0 };
  return { min, max };
}

/**
 * Moves several entries by the same amount, as far as the rules let the whole group go. One
 * entry moves as `moveEntry` moves it (a start or an end alone changes the stream's length).
 * With ripple, every entry after the group's earliest member shifts too, as in a single move.
 */
export function moveEntries(
  timeline: Timeline,
  ids: readonly string[],
  deltaMs: number,
  options: MoveOptions = {},
): Timeline {
  if (ids.length === 0 || deltaMs === 0) return timeline;
  if (ids.length === 1) {
    const id = ids[0] as string;
    const clipIndex = clipIndexOf(timeline, id);
    const from =
      clipIndex !== -1
        ? (timeline.clips[clipIndex] as Clip).start.timestampMs
        : locateEntry(timeline, id)?.timestampMs;
    return from === undefined ? timeline : moveEntry(timeline, id, from + deltaMs, options);
  }
  if (options.ripple) {
    const anchor = rippleAnchor(timeline, ids);
    return anchor
      ? moveEntry(timeline, anchor.id, anchor.timestampMs + deltaMs, options)
      : timeline;
  }
  const bounds = groupDeltaBounds(timeline, ids);
  const delta = Math.round(clamp(deltaMs, bounds.min, bounds.max));
  if (delta === 0) return timeline;
  const { clipIndexes, interactionIds } = groupUnits(timeline, ids);
  const clips = timeline.clips.map((clip, index) => {
    if (clipIndexes.has(index)) return shiftClip(clip, delta);
    if (!clip.interactions.some((i) => interactionIds.has(i.id))) return clip;
    return {
      ...clip,
      interactions: sortInteractions(
        clip.interactions.map((i) =>
          interactionIds.has(i.id) ? { ...i, timestampMs: i.timestampMs + delta } : i,
        ),
      ),
    };
  });
  return { ...timeline, clips };
}

export interface NewClipIds {
  clip: string;
  start: string;
  end: string;
}

/**
 * Adds a stream at `atMs` when the gap there fits one of at least MIN_STREAM_MS, else after
 * the last clip. It lasts `durationMs`, or as much of it as the gap allows.
 */
export function addClip(
  timeline: Timeline,
  options: { atMs: number; ids: NewClipIds; prompt?: string; durationMs?: number },
): Timeline {
  const durationMs = Math.max(MIN_STREAM_MS, options.durationMs ?? DEFAULT_STREAM_MS);
  const atMs = Math.max(0, Math.round(options.atMs));
  const { clips } = timeline;
  let insertAt = clips.length;
  let startMs = Math.max(atMs, timelineEndMs(timeline));
  let endMs = startMs + durationMs;
  const nextIndex = clips.findIndex((clip) => clip.start.timestampMs > atMs);
  const previous = nextIndex === -1 ? clips.at(-1) : clips[nextIndex - 1];
  const inGap = !previous || previous.end.timestampMs <= atMs;
  if (inGap && nextIndex !== -1) {
    const room = (clips[nextIndex] as Clip).start.timestampMs - atMs;
    if (room >= MIN_STREAM_MS) {
      insertAt = nextIndex;
      startMs = atMs;
      endMs = atMs + Math.min(durationMs, room);
    }
  }
  const clip: Clip = {
    id: options.ids.clip,
    start: { id: options.ids.start, timestampMs: startMs, prompt: options.prompt ?? "" },
    interactions: [],
    end: { id: options.ids.end, timestampMs: endMs },
  };
  const next = clips.slice();
  next.splice(insertAt, 0, clip);
  return { ...timeline, clips: next };
}

/**
 * Adds an interaction at `atMs` in the clip spanning it, no later than its last frame;
 * unchanged when no clip does.
 */
export function addInteraction(
  timeline: Timeline,
  atMs: number,
  interaction: { id: string; prompt?: string },
): Timeline {
  const clip = clipAt(timeline, atMs);
  if (!clip) return timeline;
  const index = clipIndexOf(timeline, clip.id);
  const entry: InteractionEntry = {
    id: interaction.id,
    timestampMs: clamp(Math.round(atMs), clip.start.timestampMs, latestInteractionMs(clip)),
    prompt: interaction.prompt ?? "",
  };
  return replaceClip(timeline, index, {
    ...clip,
    interactions: sortInteractions([...clip.interactions, entry]),
  });
}

/** The clip whose end "Add end" at `atMs` would move: the last one starting before it. */
export function clipToEndAt(timeline: Timeline, atMs: number): Clip | null {
  let found: Clip | null = null;
  for (const clip of timeline.clips) {
    if (clip.start.timestampMs < atMs) found = clip;
    else break;
  }
  return found;
}

/** Ends the stream running at (or last started before) `atMs` there, within the rules. */
export function endClipAt(timeline: Timeline, atMs: number): Timeline {
  const clip = clipToEndAt(timeline, atMs);
  return clip ? moveEntry(timeline, clip.end.id, atMs) : timeline;
}

/** Removes entries; a start, an end or a clip id removes its whole stream. */
export function removeEntries(timeline: Timeline, ids: readonly string[]): Timeline {
  if (ids.length === 0) return timeline;
  const { clipIndexes, interactionIds } = groupUnits(timeline, ids);
  if (clipIndexes.size === 0 && interactionIds.size === 0) return timeline;
  const clips: Clip[] = [];
  timeline.clips.forEach((clip, index) => {
    if (clipIndexes.has(index)) return;
    if (clip.interactions.some((i) => interactionIds.has(i.id))) {
      clips.push({
        ...clip,
        interactions: clip.interactions.filter((i) => !interactionIds.has(i.id)),
      });
    } else {
      clips.push(clip);
    }
  });
  return { ...timeline, clips };
}

/**
 * The entry to take the place of what a removal took away: the first one left after the
 * removed entries in time order, else the last one before them; null when none is left or
 * nothing was removed.
 */
export function neighbourAfterRemoval(before: Timeline, after: Timeline): string | null {
  const order = entryIdsInScriptOrder(before);
  const left = new Set(entryIdsInScriptOrder(after));
  let first = -1;
  let last = -1;
  order.forEach((id, index) => {
    if (left.has(id)) return;
    if (first === -1) first = index;
    last = index;
  });
  if (first === -1) return null;
  for (let index = last + 1; index < order.length; index++) {
    const id = order[index] as string;
    if (left.has(id)) return id;
  }
  for (let index = first - 1; index >= 0; index--) {
    const id = order[index] as string;
    if (left.has(id)) return id;
  }
  return null;
}

export function setPrompt(timeline: Timeline, id: string, prompt: string): Timeline {
  const ref = locateEntry(timeline, id);
  if (!ref || ref.kind === "end") return timeline;
  const { clip } = ref;
  if (ref.kind === "start") {
    if (clip.start.prompt === prompt) return timeline;
    return replaceClip(timeline, ref.clipIndex, { ...clip, start: { ...clip.start, prompt } });
  }
  return replaceClip(timeline, ref.clipIndex, {
    ...clip,
    interactions: clip.interactions.map((i, index) =>
      index === ref.interactionIndex ? { ...i, prompt } : i,
    ),
  });
}

/** Sets or (with undefined) removes a start's image. */
export function setImage(timeline: Timeline, startId: string, image: string | undefined): Timeline {
  const ref = locateEntry(timeline, startId);
  if (!ref || ref.kind !== "start") return timeline;
  const { clip } = ref;
  if (clip.start.image === image) return timeline;
  const start = { ...clip.start };
  if (image === undefined) delete start.image;
  else start.image = image;
  return replaceClip(timeline, ref.clipIndex, { ...clip, start });
}

/** Switches orientation, with the starts' images already re-cropped to the new frame. */
export function setOrientation(
  timeline: Timeline,
  portrait: boolean,
  images: Readonly<Record<string, string>> = {},
): Timeline {
  let next: Timeline = timeline.portrait === portrait ? timeline : { ...timeline, portrait };
  for (const [startId, image] of Object.entries(images)) next = setImage(next, startId, image);
  return next;
}

export interface ClipboardContent {
  /** Whole streams, timed from the first copied stream's start. */
  clips: Clip[];
  /** Loose interactions, timed from the first of them. */
  interactions: { offsetMs: number; prompt: string }[];
}

export function copyEntries(timeline: Timeline, ids: readonly string[]): ClipboardContent {
  const { clipIndexes, interactionIds } = groupUnits(timeline, ids);
  const picked = timeline.clips.filter((_, index) => clipIndexes.has(index));
  const originMs = picked[0]?.start.timestampMs ?? 0;
  const loose = timeline.clips.flatMap((clip) =>
    clip.interactions.filter((i) => interactionIds.has(i.id)),
  );
  const looseOriginMs = loose[0]?.timestampMs ?? 0;
  return {
    clips: picked.map((clip) => shiftClip(clip, -originMs)),
    interactions: loose.map((i) => ({ offsetMs: i.timestampMs - looseOriginMs, prompt: i.prompt })),
  };
}

/**
 * Pastes at `atMs`: streams go there when the gap fits them all, else after the last clip;
 * interactions go into the clip spanning `atMs`, clamped inside it and to its last frame.
 * Returns the new entries' ids (starts for streams) so the editor can select what it pasted.
 */
export function pasteEntries(
  timeline: Timeline,
  content: ClipboardContent,
  atMs: number,
  makeId: () => string,
): { timeline: Timeline; ids: string[] } {
  const ids: string[] = [];
  let next = timeline;
  if (content.clips.length > 0) {
    const spanMs = (content.clips.at(-1) as Clip).end.timestampMs;
    const { clips } = next;
    const nextIndex = clips.findIndex((clip) => clip.start.timestampMs > atMs);
    const previous = nextIndex === -1 ? clips.at(-1) : clips[nextIndex - 1];
    const fits =
      Number.isFinite(atMs) &&
      (!previous || previous.end.timestampMs <= atMs) &&
      (nextIndex === -1 || (clips[nextIndex] as Clip).start.timestampMs - atMs >= spanMs);
    const originMs = fits ? Math.max(0, Math.round(atMs)) : timelineEndMs(next);
    const pasted = content.clips.map((clip) => {
      const copy = shiftClip(cloneClip(clip, makeId), originMs);
      ids.push(copy.start.id);
      return copy;
    });
    const insertAt = fits && nextIndex !== -1 ? nextIndex : clips.length;
    const merged = clips.slice();
    merged.splice(insertAt, 0, ...pasted);
    next = { ...next, clips: merged };
  }
  if (content.interactions.length > 0) {
    const clip = clipAt(next, atMs);
    if (clip) {
      const index = clipIndexOf(next, clip.id);
      const added = content.interactions.map((i) => {
        const id = makeId();
        ids.push(id);
        return {
          id,
          prompt: i.prompt,
          timestampMs: clamp(
            Math.round(atMs + i.offsetMs),
            clip.start.timestampMs,
            latestInteractionMs(clip),
          ),
        };
      });
      next = replaceClip(next, index, {
        ...clip,
        interactions: sortInteractions([...clip.interactions, ...added]),
      });
    }
  }
  return { timeline: next, ids };
}

function cloneClip(clip: Clip, makeId: () => string): Clip {
  return {
    id: makeId(),
    start: { ...clip.start, id: makeId() },
    interactions: clip.interactions.map((i) => ({ ...i, id: makeId() })),
    end: { id: makeId(), timestampMs: clip.end.timestampMs },
  };
}

/**
 * Duplicates: streams go after the last clip; an interaction gets a copy one second later,
 * kept inside its clip.
 */
export function duplicateEntries(
  timeline: Timeline,
  ids: readonly string[],
  makeId: () => string,
): { timeline: Timeline; ids: string[] } {
  const content = copyEntries(timeline, ids);
  const newIds: string[] = [];
  let next = timeline;
  if (content.clips.length > 0) {
    const pasted = pasteEntries(
      next,
      { clips: content.clips, interactions: [] },
      Number.POSITIVE_INFINITY,
      makeId,
    );
    next = pasted.timeline;
    newIds.push(...pasted.ids);
  }
  const { interactionIds } = groupUnits(timeline, ids);
  for (const id of interactionIds) {
    const ref = locateEntry(next, id);
    if (!ref) continue;
    const copyId = makeId();
    const interaction = ref.clip.interactions[ref.interactionIndex] as InteractionEntry;
    next = replaceClip(next, ref.clipIndex, {
      ...ref.clip,
      interactions: sortInteractions([
        ...ref.clip.interactions,
        {
          id: copyId,
          prompt: interaction.prompt,
          timestampMs: clamp(
            interaction.timestampMs + 1000,
            ref.clip.start.timestampMs,
            latestInteractionMs(ref.clip),
          ),
        },
      ]),
    });
    newIds.push(copyId);
  }
  return { timeline: next, ids: newIds };
}

// Stream operations, as in an NLE: each works on whole streams and keeps every rule above.

/**
 * Duplicates a stream right after itself: the copy starts where the stream ends and every later
 * stream moves later by the stream's length, so the gaps between them stay as they were.
 */
export function duplicateStream(
  timeline: Timeline,
  clipId: string,
  makeId: () => string,
): { timeline: Timeline; startId: string | null } {
  const index = clipIndexOf(timeline, clipId);
  if (index === -1) return { timeline, startId: null };
  const clip = timeline.clips[index] as Clip;
  const lengthMs = clip.end.timestampMs - clip.start.timestampMs;
  const copy = shiftClip(cloneClip(clip, makeId), lengthMs);
  const clips = shiftClipsFrom(timeline.clips, index + 1, lengthMs);
  clips.splice(index + 1, 0, copy);
  return { timeline: { ...timeline, clips }, startId: copy.start.id };
}

/** The stream "Split at playhead" would split at `atMs`: both parts must last MIN_STREAM_MS. */
export function clipToSplitAt(timeline: Timeline, atMs: number): Clip | null {
  const clip = clipAt(timeline, atMs);
  if (!clip) return null;
  const ms = Math.round(atMs);
  if (ms - clip.start.timestampMs < MIN_STREAM_MS) return null;
  if (clip.end.timestampMs - ms < MIN_STREAM_MS) return null;
  return clip;
}

/**
 * Splits the stream running at `atMs` in two there. The second starts with the prompt in force
 * at that moment (the start's, or the latest interaction's) and takes the later interactions;
 * an interaction exactly at the cut becomes its start. The first keeps its image, name and
 * colour; the second keeps the colour, since it continues the same scene.
 */
export function splitClipAt(timeline: Timeline, atMs: number, ids: NewClipIds): Timeline {
  const clip = clipToSplitAt(timeline, atMs);
  if (!clip) return timeline;
  const ms = Math.round(atMs);
  const index = clipIndexOf(timeline, clip.id);
  let prompt = clip.start.prompt;
  for (const interaction of clip.interactions) {
    if (interaction.timestampMs > ms) break;
    prompt = interaction.prompt;
  }
  const firstHalf: Clip = {
    ...clip,
    interactions: clip.interactions.filter((i) => i.timestampMs < ms),
    end: { ...clip.end, timestampMs: ms },
  };
  // An interaction in the last few milliseconds before the cut would fall after the first
  // part's last frame, unseen: it comes on that frame instead (and likewise in the second).
  const latest = latestInteractionMs(firstHalf);
  firstHalf.interactions = firstHalf.interactions.map((i) =>
    i.timestampMs > latest ? { ...i, timestampMs: latest } : i,
  );
  const start: Clip["start"] = { id: ids.start, timestampMs: ms, prompt };
  if (clip.start.color !== undefined) start.color = clip.start.color;
  const secondHalf: Clip = {
    id: ids.clip,
    start,
    interactions: clip.interactions.filter((i) => i.timestampMs > ms),
    end: { id: ids.end, timestampMs: clip.end.timestampMs },
  };
  // The second part's frames count from its own start, so its last frame can fall up to a
  // frame earlier than the whole stream's did.
  const latestInSecond = latestInteractionMs(secondHalf);
  secondHalf.interactions = secondHalf.interactions.map((i) =>
    i.timestampMs > latestInSecond ? { ...i, timestampMs: latestInSecond } : i,
  );
  const clips = timeline.clips.slice();
  clips.splice(index, 1, firstHalf, secondHalf);
  return { ...timeline, clips };
}

/**
 * Removes entries as `removeEntries` does and closes the time each removed stream held: every
 * later stream moves earlier by that stream's length.
 */
export function rippleDeleteEntries(timeline: Timeline, ids: readonly string[]): Timeline {
  const removed = removeEntries(timeline, ids);
  if (removed === timeline) return timeline;
  const { clipIndexes } = groupUnits(timeline, ids);
  let shiftMs = 0;
  const clips: Clip[] = [];
  let kept = 0;
  timeline.clips.forEach((clip, index) => {
    if (clipIndexes.has(index)) {
      shiftMs += clip.end.timestampMs - clip.start.timestampMs;
      return;
    }
    clips.push(shiftClip(removed.clips[kept] as Clip, -shiftMs));
    kept++;
  });
  return { ...timeline, clips };
}

/**
 * Moves a stream to another place in the order. The streams from the old place to the new one
 * are laid out again in their new order over the same stretch of time, each keeping its length
 * and the gaps staying where they were, so nothing outside that stretch moves.
 */
export function reorderStream(timeline: Timeline, clipId: string, toIndex: number): Timeline {
  const from = clipIndexOf(timeline, clipId);
  const to = clamp(Math.round(toIndex), 0, timeline.clips.length - 1);
  if (from === -1 || from === to) return timeline;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const range = timeline.clips.slice(lo, hi + 1);
  const gaps = range
    .slice(1)
    .map((clip, i) => clip.start.timestampMs - (range[i] as Clip).end.timestampMs);
  const order = range.slice();
  const [moving] = order.splice(from - lo, 1) as [Clip];
  order.splice(to - lo, 0, moving);
  let at = (range[0] as Clip).start.timestampMs;
  const laid = order.map((clip, i) => {
    const placed = shiftClip(clip, at - clip.start.timestampMs);
    at = placed.end.timestampMs + (gaps[i] ?? 0);
    return placed;
  });
  const clips = timeline.clips.slice();
  clips.splice(lo, laid.length, ...laid);
  return { ...timeline, clips };
}

/**
 * Where a stream dragged to start at `startMs` belongs in the order: past every other stream
 * whose middle its own middle has passed.
 */
export function reorderIndexAt(timeline: Timeline, clipId: string, startMs: number): number {
  const from = clipIndexOf(timeline, clipId);
  if (from === -1) return -1;
  const clip = timeline.clips[from] as Clip;
  const middle = startMs + (clip.end.timestampMs - clip.start.timestampMs) / 2;
  let index = 0;
  timeline.clips.forEach((other, i) => {
    if (i === from) return;
    if ((other.start.timestampMs + other.end.timestampMs) / 2 < middle) index++;
  });
  return index;
}

/** Sets how long a stream lasts, within the rules (as dragging its end does). */
export function setStreamDuration(
  timeline: Timeline,
  clipId: string,
  durationMs: number,
  options: MoveOptions = {},
): Timeline {
  const index = clipIndexOf(timeline, clipId);
  if (index === -1) return timeline;
  const clip = timeline.clips[index] as Clip;
  return moveEntry(timeline, clip.end.id, clip.start.timestampMs + durationMs, options);
}

/** Names or colours a stream; an empty name or colour goes back to the default. */
export function setStreamLook(
  timeline: Timeline,
  clipId: string,
  look: { name?: string; color?: string },
): Timeline {
  const index = clipIndexOf(timeline, clipId);
  if (index === -1) return timeline;
  const clip = timeline.clips[index] as Clip;
  const start = { ...clip.start };
  for (const key of ["name", "color"] as const) {
    if (!(key in look)) continue;
    const value = look[key];
    if (value === undefined || value === "") delete start[key];
    else start[key] = value;
  }
  if (start.name === clip.start.name && start.color === clip.start.color) return timeline;
  return replaceClip(timeline, index, { ...clip, start });
}
