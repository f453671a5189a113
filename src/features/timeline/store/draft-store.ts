// The open draft and everything about editing it (selection, playhead, zoom, grid), one store
// per draft so tests and two open drafts never share state. Every action is a pure model
// operation applied through `set`; zundo keeps the undo history of the draft itself.
import { temporal } from "zundo";
import { createStore, type StoreApi } from "zustand/vanilla";
import { ZOOM_STEPS } from "../model/zoom";
import {
  addClip,
  addInteraction,
  type ClipboardContent,
  clipAt,
  copyEntries,
  duplicateEntries,
  duplicateStream,
  endClipAt,
  locateEntry,
  moveEntries,
  moveEntry,
  type MoveOptions,
  pasteEntries,
  removeEntries,
  reorderStream,
  rippleDeleteEntries,
  setImage,
  setOrientation,
  setPrompt,
  setStreamDuration,
  setStreamLook,
  splitClipAt,
} from "../model/operations";
import { createId, type DraftData, entryIdsInScriptOrder, type Timeline } from "../model/timeline";

/** Low enough for "Fit" to show a script of hours whole. */
export const MIN_PX_PER_SECOND = ZOOM_STEPS[0];
export const MAX_PX_PER_SECOND = 800;
export const DEFAULT_PX_PER_SECOND = 80;
/** Edits of the same kind closer together than this are one undo step (a typing burst). */
export const HISTORY_GROUP_MS = 1000;

export interface DraftInit {
  draftId: string;
  name: string;
  timeline: Timeline;
  /** Originals of the starts' images, by start id, kept to re-crop when orientation changes. */
  originals?: Record<string, Blob>;
  createdAt?: number;
}

/** What of the store a draft keeps; the drafts feature saves it. */
export type { DraftData } from "../model/timeline";

export interface EditorState {
  selection: string[];
  playheadMs: number;
  pxPerSecond: number;
  gridMs: number;
  ripple: boolean;
  playing: boolean;
  /** A drag is in progress on the timeline. */
  dragging: boolean;
  clipboard: ClipboardContent | null;
}

export type SelectMode = "replace" | "toggle" | "add";

export interface DraftActions {
  select(ids: readonly string[], mode?: SelectMode): void;
  setPlayhead(ms: number): void;
  setZoom(pxPerSecond: number): void;
  setGrid(gridMs: number): void;
  setRipple(ripple: boolean): void;
  setPlaying(playing: boolean): void;
  setDragging(dragging: boolean): void;
  rename(name: string): void;
  /** A drag's drop or a typed time: one undo step. */
  moveEntry(id: string, ms: number, options?: MoveOptions): void;
  /** Moves the selection by `deltaMs`; repeated nudges form one undo step. */
  nudgeSelection(deltaMs: number): void;
  moveEntries(ids: readonly string[], deltaMs: number, options?: MoveOptions): void;
  /** Returns the new start's id. */
  addStream(atMs?: number): string;
  /** Returns the new interaction's id, or null when no stream spans the time. */
  addInteraction(atMs?: number): string | null;
  addEnd(atMs?: number): void;
  remove(ids: readonly string[]): void;
  setPrompt(id: string, prompt: string): void;
  setImage(startId: string, image: string | undefined, original?: Blob): void;
  setOrientation(portrait: boolean, images?: Record<string, string>): void;
  duplicate(ids: readonly string[]): void;
  copy(ids: readonly string[]): ClipboardContent;
  paste(content?: ClipboardContent | null, atMs?: number): void;
  /** Copies a stream right after itself; returns the copy's start id. */
  duplicateStream(clipId: string): string | null;
  /** Splits the stream at the time in two; returns the new stream's start id. */
  splitAt(atMs?: number): string | null;
  /** Deletes and closes the time the deleted streams held. */
  rippleDelete(ids: readonly string[]): void;
  reorderStream(clipId: string, toIndex: number): void;
  setStreamDuration(clipId: string, durationMs: number): void;
  setStreamLook(clipId: string, look: { name?: string; color?: string }): void;
  /** Closes the current undo group, e.g. when a text field loses focus. */
  endHistoryGroup(): void;
}

export type DraftState = DraftData & EditorState & { actions: DraftActions };
type History = Pick<DraftState, "timeline" | "name">;

export type DraftStore = ReturnType<typeof createDraftStore>;

export function createDraftStore(initial: DraftInit, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  // Set by an action just before its `set`, read by the history's handleSet right after.
  let pendingGroup: string | null = null;
  let lastGroup: { key: string; at: number } | null = null;

  const store = createStore<DraftState>()(
    temporal(
      (set, get) => {
        const edit = (fn: (timeline: Timeline) => Timeline, group: string | null = null) => {
          pendingGroup = group;
          set((s) => {
            const timeline = fn(s.timeline);
            return timeline === s.timeline ? s : { timeline };
          });
          pendingGroup = null;
        };
        const playhead = (atMs: number | undefined) => atMs ?? get().playheadMs;

        const actions: DraftActions = {
          select(ids, mode = "replace") {
            set((s) => {
              if (mode === "replace") return { selection: [...ids] };
              const current = new Set(s.selection);
              for (const id of ids) {
                if (mode === "toggle" && current.has(id)) current.delete(id);
                else current.add(id);
              }
              return { selection: [...current] };
            });
          },
          setPlayhead(ms) {
            set({ playheadMs: Math.max(0, Math.round(ms)) });
          },
          setZoom(pxPerSecond) {
            set({
              pxPerSecond: Math.min(MAX_PX_PER_SECOND, Math.max(MIN_PX_PER_SECOND, pxPerSecond)),
            });
          },
          setGrid(gridMs) {
            set({ gridMs });
          },
          setRipple(ripple) {
            set({ ripple });
          },
          setPlaying(playing) {
            set({ playing });
          },
          setDragging(dragging) {
            set({ dragging });
          },
          rename(name) {
            pendingGroup = "rename";
            set({ name });
            pendingGroup = null;
          },
          moveEntry(id, ms, moveOptions) {
            edit((t) => moveEntry(t, id, ms, moveOptions));
          },
          nudgeSelection(deltaMs) {
            const ids = liveSelection(get());
            edit(
              (t) => moveEntries(t, ids, deltaMs, { ripple: get().ripple }),
              `nudge:${ids.join()}`,
            );
          },
          moveEntries(ids, deltaMs, moveOptions) {
            edit((t) => moveEntries(t, ids, deltaMs, moveOptions));
          },
          addStream(atMs) {
            const ids = { clip: createId(), start: createId(), end: createId() };
            edit((t) => addClip(t, { atMs: playhead(atMs), ids }));
            set({ selection: [ids.start] });
            return ids.start;
          },
          addInteraction(atMs) {
            const at = playhead(atMs);
            if (!clipAt(get().timeline, at)) return null;
            const id = createId();
            edit((t) => addInteraction(t, at, { id }));
            set({ selection: [id] });
            return id;
          },
          addEnd(atMs) {
            edit((t) => endClipAt(t, playhead(atMs)));
          },
          remove(ids) {
            edit((t) => removeEntries(t, ids));
            set((s) => ({ selection: liveSelection(s) }));
          },
          setPrompt(id, prompt) {
            edit((t) => setPrompt(t, id, prompt), `prompt:${id}`);
          },
          setImage(startId, image, original) {
            edit((t) => setImage(t, startId, image));
            set((s) => {
              const originals = { ...s.originals };
              if (original) originals[startId] = original;
              else delete originals[startId];
              return { originals };
            });
          },
          setOrientation(portrait, images) {
            edit((t) => setOrientation(t, portrait, images));
          },
          duplicate(ids) {
            let newIds: string[] = [];
            edit((t) => {
              const result = duplicateEntries(t, ids, createId);
              newIds = result.ids;
              return result.timeline;
            });
            if (newIds.length > 0) set({ selection: newIds });
          },
          copy(ids) {
            const content = copyEntries(get().timeline, ids);
            set({ clipboard: content });
            return content;
          },
          paste(content, atMs) {
            const source = content ?? get().clipboard;
            if (!source) return;
            let newIds: string[] = [];
            edit((t) => {
              const result = pasteEntries(t, source, playhead(atMs), createId);
              newIds = result.ids;
              return result.timeline;
            });
            if (newIds.length > 0) set({ selection: newIds });
          },
          duplicateStream(clipId) {
            let startId: string | null = null;
            edit((t) => {
              const result = duplicateStream(t, clipId, createId);
              startId = result.startId;
              return result.timeline;
            });
            if (startId) set({ selection: [startId] });
            return startId;
          },
          splitAt(atMs) {
            const ids = { clip: createId(), start: createId(), end: createId() };
            const before = get().timeline;
            edit((t) => splitClipAt(t, playhead(atMs), ids));
            if (get().timeline === before) return null;
            set({ selection: [ids.start] });
            return ids.start;
          },
          rippleDelete(ids) {
            edit((t) => rippleDeleteEntries(t, ids));
            set((s) => ({ selection: liveSelection(s) }));
          },
          reorderStream(clipId, toIndex) {
            edit((t) => reorderStream(t, clipId, toIndex));
          },
          setStreamDuration(clipId, durationMs) {
            edit((t) => setStreamDuration(t, clipId, durationMs, { ripple: get().ripple }));
          },
          setStreamLook(clipId, look) {
            edit(
              (t) => setStreamLook(t, clipId, look),
              `look:${clipId}:${Object.keys(look).join()}`,
            );
          },
          endHistoryGroup() {
            lastGroup = null;
          },
        };

        return {
          draftId: initial.draftId,
          name: initial.name,
          timeline: initial.timeline,
          originals: initial.originals ?? {},
          createdAt: initial.createdAt ?? now(),
          selection: [],
          playheadMs: 0,
          pxPerSecond: DEFAULT_PX_PER_SECOND,
          gridMs: 100,
          ripple: false,
          playing: false,
          dragging: false,
          clipboard: null,
          actions,
        };
      },
      {
        limit: 200,
        partialize: (s): History => ({ timeline: s.timeline, name: s.name }),
        equality: (a, b) => a.timeline === b.timeline && a.name === b.name,
        handleSet: (handleSet) => (pastState, replace, currentState, delta) => {
          const group = pendingGroup;
          const at = now();
          if (group !== null && lastGroup?.key === group && at - lastGroup.at < HISTORY_GROUP_MS) {
            lastGroup.at = at;
            return;
          }
          lastGroup = group === null ? null : { key: group, at };
          // zundo's types describe setState's first argument; it is the past state.
          (handleSet as unknown as (...args: unknown[]) => void)(
            pastState,
            replace,
            currentState,
            delta,
          );
        },
      },
    ),
  );
  // Undo and redo close any open group, so the next keystroke starts a fresh step.
  const { undo, redo } = store.temporal.getState();
  store.temporal.setState({
    undo: (steps) => {
      lastGroup = null;
      undo(steps);
    },
    redo: (steps) => {
      lastGroup = null;
      redo(steps);
    },
  });
  return store;
}

/**
 * The selected ids that still exist (an undo can remove a selected entry). A selection holds
 * entry ids, or a clip's id for a whole stream.
 */
export function liveSelection(state: Pick<DraftState, "selection" | "timeline">): string[] {
  if (state.selection.length === 0) return state.selection;
  const existing = new Set(entryIdsInScriptOrder(state.timeline));
  for (const clip of state.timeline.clips) existing.add(clip.id);
  const live = state.selection.filter((id) => existing.has(id));
  return live.length === state.selection.length ? state.selection : live;
}

export function selectedEntry(state: Pick<DraftState, "selection" | "timeline">) {
  const id = state.selection.length === 1 ? state.selection[0] : undefined;
  if (id === undefined) return null;
  // A selected stream shows its start.
  const clip = state.timeline.clips.find((c) => c.id === id);
  return locateEntry(state.timeline, clip ? clip.start.id : id);
}

export function draftData(state: DraftState): DraftData {
  return {
    draftId: state.draftId,
    name: state.name,
    timeline: state.timeline,
    originals: state.originals,
    createdAt: state.createdAt,
  };
}

export type DraftStoreApi = StoreApi<DraftState> & { temporal: DraftStore["temporal"] };
