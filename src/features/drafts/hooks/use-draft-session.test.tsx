// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toast } from "../../../lib/notify";
import "fake-indexeddb/auto";
import {
  ImageNotKeptError,
  JOURNAL_FULL_MESSAGE,
  JournalWriteError,
} from "../adapters/edit-journal";
import { createDraftPersistence } from "../adapters/persistence";
import { UnreadableDraftError } from "../adapters/restore-draft";
import { createStore } from "zustand/vanilla";
import { createLockRegistry } from "../../../test/fake-locks";
import type { DraftData, Timeline } from "../../../lib/draft/document";
import {
  type DraftPersistence,
  newDraftData,
  OPENING_MESSAGE,
  READ_ONLY_MESSAGE,
  type StartupDraft,
  useDraftSession,
} from "./use-draft-session";

vi.mock("../../../lib/notify", () => ({
  toast: Object.assign(vi.fn(), { error: vi.fn(), success: vi.fn(), warning: vi.fn() }),
}));

afterEach(cleanup);

// The editor's store, reduced to the document: the session needs nothing else of it.
const useSession = (
  persistence: DraftPersistence,
  options: {
    onStorageError: (message: string, problem?: { stillSaving: boolean }) => void;
    takeStartupDraft?: () => StartupDraft | null;
    sample?: { isFirst(): boolean; done(): void; draft(): StartupDraft };
    locks?: LockManager | null;
  },
) =>
  useDraftSession(persistence, {
    ...options,
    createStore: (data: DraftData) => createStore<DraftData>()(() => data),
    locks: options.locks ?? null,
    tabStorage: null,
  });

const oneStream = (prompt: string): Timeline => ({
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt },
      interactions: [],
      end: { id: "e1", timestampMs: 5000 },
    },
  ],
});

function memoryPersistence(initial: DraftData[] = [], failSaves = false) {
  const drafts = new Map(initial.map((d) => [d.draftId, { ...d, savedAt: 0 }]));
  let last: string | null = initial[0]?.draftId ?? null;
  let pending: DraftData | null = null;
  let version = 0;
  let onError: (error: Error) => void = () => undefined;
  const claimed = new Set<string>();
  const scheduled: string[] = [];
  const watchers = new Map<string, () => void>();
  const persistence: DraftPersistence = {
    list: async () =>
      [...drafts.values()].map((d) => ({ id: d.draftId, name: d.name, updatedAt: d.savedAt })),
    load: async (id) => drafts.get(id) ?? null,
    remove: async (id) => void drafts.delete(id),
    lastOpenId: async () => last,
    setLastOpenId: async (id) => void (last = id),
    claim: (id) => void claimed.add(id),
    release: (id) => void claimed.delete(id),
    schedule: (data) => {
      scheduled.push(data.draftId);
      if (!claimed.has(data.draftId)) {
        onError(new Error("not claimed"));
        return null;
      }
      pending = data;
      return ++version;
    },
    flush: async () => {
      if (!pending) return;
      if (failSaves) {
        const error = new Error("The browser's storage is full.");
        onError(error);
        throw error;
      }
      drafts.set(pending.draftId, { ...pending, savedAt: version });
      pending = null;
    },
    watch: (id, onChange) => {
      watchers.set(id, onChange);
      return () => watchers.delete(id);
    },
    dispose: () => undefined,
    setErrorHandler: (handler) => void (onError = handler),
  };
  /** Another tab's edit of draft `id`, as a storage event tells it. */
  const changedElsewhere = (id: string) => watchers.get(id)?.();
  return { persistence, drafts, scheduled, changedElsewhere };
}

describe("useDraftSession", () => {
  it("opens the last draft on start", async () => {
    const saved = newDraftData("Saved");
    const { persistence } = memoryPersistence([saved]);
    const { result } = renderHook(() => useSession(persistence, { onStorageError: vi.fn() }));
    await waitFor(() => expect(result.current.store).not.toBeNull());
    expect(result.current.store?.getState().draftId).toBe(saved.draftId);
  });

  it("opens a shared script as a new draft instead, and saves it", async () => {
    const { persistence, drafts } = memoryPersistence([newDraftData("Saved")]);
    const shared = newDraftData("Shared").timeline;
    const { result } = renderHook(() =>
      useSession(persistence, {
        onStorageError: vi.fn(),
        takeStartupDraft: () => ({ name: "Shared", timeline: shared }),
      }),
    );
    await waitFor(() => expect(result.current.store?.getState().name).toBe("Shared"));
    await act(() => result.current.flush());
    expect([...drafts.values()].map((d) => d.name).sort()).toEqual(["Saved", "Shared"]);
  });

  it("saves each change, and reports a failing save instead of swallowing it", async () => {
    const onStorageError = vi.fn();
    const { persistence } = memoryPersistence([], true);
    const { result } = renderHook(() => useSession(persistence, { onStorageError }));
    await waitFor(() => expect(result.current.store).not.toBeNull());
    act(() => result.current.store?.setState({ timeline: oneStream("") }));
    await act(() => result.current.flush());
    expect(onStorageError).toHaveBeenCalledWith("The browser's storage is full.", {
      stillSaving: false,
    });
  });

  it("says a journal that cannot be written leaves drafts saved, only not instantly", async () => {
    const onStorageError = vi.fn();
    const { persistence } = memoryPersistence();
    let fail: (error: Error) => void = () => undefined;
    persistence.setErrorHandler = (handler) => void (fail = handler);
    const { result } = renderHook(() => useSession(persistence, { onStorageError }));
    await waitFor(() => expect(result.current.store).not.toBeNull());
    act(() => fail(new JournalWriteError(JOURNAL_FULL_MESSAGE)));
    expect(onStorageError).toHaveBeenCalledWith(JOURNAL_FULL_MESSAGE, { stillSaving: true });
  });

  it("reopens an edit made the moment before the page went, its save not yet done", async () => {
    const dbName = `session-reload-${crypto.randomUUID()}`;
    const first = createDraftPersistence({ dbName, delayMs: 60_000 });
    const before = renderHook(() => useSession(first, { onStorageError: vi.fn() }));
    await waitFor(() => expect(before.result.current.store).not.toBeNull());
    act(() =>
      before.result.current.store!.setState({ timeline: oneStream("A lighthouse in a storm") }),
    );
    // The page goes: no pagehide, and the delayed IndexedDB save never runs.
    before.unmount();
    first.dispose();

    const second = createDraftPersistence({ dbName, delayMs: 60_000 });
    const after = renderHook(() => useSession(second, { onStorageError: vi.fn() }));
    await waitFor(() =>
      expect(after.result.current.store?.getState().timeline.clips[0]?.start.prompt).toBe(
        "A lighthouse in a storm",
      ),
    );
    second.dispose();
  });

  it("opens a fresh draft, without a storage warning, when the last one cannot be read", async () => {
    const onStorageError = vi.fn();
    const damaged = newDraftData("Damaged");
    const { persistence } = memoryPersistence([damaged]);
    persistence.load = async () => {
      throw new UnreadableDraftError("This draft could not be read. Stream 1 has no end.");
    };
    const { result } = renderHook(() => useSession(persistence, { onStorageError }));
    await waitFor(() => expect(result.current.store).not.toBeNull());
    expect(result.current.store?.getState().draftId).not.toBe(damaged.draftId);
    expect(result.current.store?.getState().timeline.clips).toEqual([]);
    expect(onStorageError).not.toHaveBeenCalled();
    expect(toast.error).toHaveBeenCalledWith("This draft could not be read. Stream 1 has no end.");
  });

  it("deletes the open draft and opens another", async () => {
    const a = newDraftData("A");
    const b = newDraftData("B");
    const { persistence, drafts } = memoryPersistence([a, b]);
    const { result } = renderHook(() => useSession(persistence, { onStorageError: vi.fn() }));
    await waitFor(() => expect(result.current.store?.getState().name).toBe("A"));
    await act(() => result.current.remove());
    expect(drafts.has(a.draftId)).toBe(false);
    expect(result.current.store?.getState().name).toBe("B");
  });

  it("names a shared script apart from the drafts there are", async () => {
    const { persistence } = memoryPersistence([
      newDraftData("Harbour"),
      newDraftData("Harbour (2)"),
    ]);
    const { result } = renderHook(() =>
      useSession(persistence, {
        onStorageError: vi.fn(),
        takeStartupDraft: () => ({ name: "Harbour", timeline: oneStream("a") }),
      }),
    );
    await waitFor(() => expect(result.current.store?.getState().name).toBe("Harbour (3)"));
  });

  it("opens the sample only on a first visit with no draft at all", async () => {
    const sample = (first: boolean) => ({
      isFirst: () => first,
      done: vi.fn(),
      draft: () => ({ name: "Sample", timeline: oneStream("sample") }),
    });
    const first = sample(true);
    const empty = memoryPersistence().persistence;
    const fresh = renderHook(() => useSession(empty, { onStorageError: vi.fn(), sample: first }));
    await waitFor(() => expect(fresh.result.current.store?.getState().name).toBe("Sample"));
    expect(first.done).toHaveBeenCalled();

    const returning = sample(true);
    const mine = memoryPersistence([newDraftData("Mine")]).persistence;
    const kept = renderHook(() =>
      useSession(mine, {
        onStorageError: vi.fn(),
        sample: returning,
      }),
    );
    await waitFor(() => expect(kept.result.current.store?.getState().name).toBe("Mine"));
    expect(returning.done).toHaveBeenCalled();

    const none = memoryPersistence().persistence;
    const notFirst = sample(false);
    const later = renderHook(() => useSession(none, { onStorageError: vi.fn(), sample: notFirst }));
    await waitFor(() => expect(later.result.current.store).not.toBeNull());
    expect(later.result.current.store?.getState().name).toBe("Untitled script");
  });

  it("forgets a lost image once its start has one again, and saves that", async () => {
    const { persistence, drafts } = memoryPersistence();
    const { result } = renderHook(() =>
      useSession(persistence, {
        onStorageError: vi.fn(),
        takeStartupDraft: () => ({
          name: "Shared",
          timeline: oneStream("a"),
          missingImages: ["s1"],
        }),
      }),
    );
    await waitFor(() => expect(result.current.meta.missingImages).toEqual(["s1"]));
    const [clip] = oneStream("a").clips;
    act(() =>
      result.current.store?.setState({
        timeline: {
          portrait: false,
          clips: [{ ...clip!, start: { ...clip!.start, image: "data:image/png;base64,AA==" } }],
        },
      }),
    );
    expect(result.current.meta.missingImages).toBeUndefined();
    await act(() => result.current.flush());
    const saved = [...drafts.values()][0] as DraftData & { missingImages?: string[] };
    expect(saved.missingImages).toBeUndefined();
  });

  it("opens a draft another tab edits read-only, never as a second editor", async () => {
    const registry = createLockRegistry();
    const a = newDraftData("A");
    const b = newDraftData("B");
    const first = memoryPersistence([a, b]);
    // One lock manager per tab, as each tab has its navigator.locks.
    const [firstTab, secondTab] = [registry.manager(), registry.manager()];
    const editor = renderHook(() =>
      useSession(first.persistence, { onStorageError: vi.fn(), locks: firstTab }),
    );
    await waitFor(() => expect(editor.result.current.lock).toBe("editing"));

    const onStorageError = vi.fn();
    const second = memoryPersistence([b, a]);
    const other = renderHook(() =>
      useSession(second.persistence, { onStorageError, locks: secondTab }),
    );
    await waitFor(() => expect(other.result.current.lock).toBe("editing"));
    expect(other.result.current.store?.getState().name).toBe("B");
    // The drafts browser opens A, which the first tab edits.
    await act(() => other.result.current.switchTo(a.draftId));
    await waitFor(() => expect(other.result.current.lock).toBe("elsewhere"));
    expect(other.result.current.readOnly).toBe(true);
    expect(editor.result.current.lock).toBe("editing");
    act(() => other.result.current.store?.setState({ name: "Overwritten" }));
    expect(other.result.current.store?.getState().name).toBe("A");
    expect(toast.error).toHaveBeenCalledWith(READ_ONLY_MESSAGE, { id: "read-only" });
    expect(second.scheduled).not.toContain(a.draftId);
    expect(onStorageError).not.toHaveBeenCalled();

    // Taking it over turns the first tab read-only.
    act(() => other.result.current.takeOver());
    await waitFor(() => expect(other.result.current.lock).toBe("editing"));
    await waitFor(() => expect(editor.result.current.lock).toBe("elsewhere"));
    editor.unmount();
    other.unmount();
  });

  it("edits a draft it has just made at once, before its lock answers", async () => {
    // Locks that never answer: a draft opened from storage would wait, read-only.
    const stalled = { request: () => new Promise(() => undefined) } as unknown as LockManager;
    const { persistence, scheduled } = memoryPersistence([newDraftData("Saved")]);
    const { result } = renderHook(() =>
      useSession(persistence, {
        onStorageError: vi.fn(),
        locks: stalled,
        takeStartupDraft: () => ({ name: "Shared", timeline: oneStream("A shared scene") }),
      }),
    );
    await waitFor(() => expect(result.current.store?.getState().name).toBe("Shared"));
    expect(result.current.lock).toBe("editing");
    expect(result.current.readOnly).toBe(false);
    const store = result.current.store!;
    act(() => store.setState({ name: "Renamed at once" }));
    expect(store.getState().name).toBe("Renamed at once");
    expect(scheduled.filter((id) => id === store.getState().draftId)).toHaveLength(2);
  });

  it("puts back an edit made while a draft from storage waits for its lock, and says so", async () => {
    vi.mocked(toast.error).mockClear();
    const stalled = { request: () => new Promise(() => undefined) } as unknown as LockManager;
    const saved = newDraftData("Saved");
    const { persistence, scheduled } = memoryPersistence([saved]);
    const { result } = renderHook(() =>
      useSession(persistence, { onStorageError: vi.fn(), locks: stalled }),
    );
    await waitFor(() => expect(result.current.store?.getState().name).toBe("Saved"));
    expect(result.current.lock).toBe("pending");
    expect(result.current.readOnly).toBe(true);
    const store = result.current.store!;
    act(() => store.setState({ name: "Too soon" }));
    expect(store.getState().name).toBe("Saved");
    expect(toast.error).toHaveBeenCalledWith(OPENING_MESSAGE, { id: "read-only" });
    expect(toast.error).not.toHaveBeenCalledWith(READ_ONLY_MESSAGE, expect.anything());
    expect(scheduled).not.toContain(saved.draftId);
  });

  it("follows only strictly newer versions of the draft, in the store it shows", async () => {
    const registry = createLockRegistry();
    const a = newDraftData("A");
    const [firstTab, secondTab] = [registry.manager(), registry.manager()];
    const { persistence } = memoryPersistence([a]);
    const editor = renderHook(() =>
      useSession(persistence, { onStorageError: vi.fn(), locks: firstTab }),
    );
    await waitFor(() => expect(editor.result.current.lock).toBe("editing"));
    const follower = memoryPersistence([a]);
    const { result } = renderHook(() =>
      useSession(follower.persistence, { onStorageError: vi.fn(), locks: secondTab }),
    );
    await waitFor(() => expect(result.current.lock).toBe("elsewhere"));
    const shown = result.current.store;

    follower.drafts.set(a.draftId, { ...a, name: "Newer", savedAt: 5 });
    await act(async () => follower.changedElsewhere(a.draftId));
    await waitFor(() => expect(result.current.store?.getState().name).toBe("Newer"));
    // Put into the same store: the tab keeps its selection, zoom and scroll.
    expect(result.current.store).toBe(shown);

    // A late or repeated notice of the same or an older version changes nothing.
    follower.drafts.set(a.draftId, { ...a, name: "Same version", savedAt: 5 });
    await act(async () => follower.changedElsewhere(a.draftId));
    follower.drafts.set(a.draftId, { ...a, name: "Older", savedAt: 3 });
    await act(async () => follower.changedElsewhere(a.draftId));
    expect(result.current.store?.getState().name).toBe("Newer");
    follower.drafts.set(a.draftId, { ...a, name: "Newest", savedAt: 6 });
    await act(async () => follower.changedElsewhere(a.draftId));
    await waitFor(() => expect(result.current.store?.getState().name).toBe("Newest"));
    expect(follower.scheduled).toEqual([]);
    editor.unmount();
  });

  it("names an image too big to keep the instant it is set, and says what happens", async () => {
    const { persistence } = memoryPersistence();
    let fail: (error: Error) => void = () => undefined;
    persistence.setErrorHandler = (handler) => void (fail = handler);
    const onStorageError = vi.fn();
    const { result } = renderHook(() => useSession(persistence, { onStorageError }));
    await waitFor(() => expect(result.current.store).not.toBeNull());
    const { draftId } = result.current.store!.getState();
    const photo = new File(["bytes"], "harbour-at-dawn.png", { type: "image/png" });
    act(() =>
      result.current.store!.setState({ timeline: oneStream("a"), originals: { s1: photo } }),
    );
    act(() => fail(new ImageNotKeptError(draftId, "s1")));
    expect(toast.warning).toHaveBeenCalledWith(
      "“harbour-at-dawn.png” is too big to keep the instant it is set",
      expect.objectContaining({
        description: expect.stringContaining("a reload or a crash before then would lose it"),
      }),
    );
    expect(onStorageError).not.toHaveBeenCalled();
  });
});
