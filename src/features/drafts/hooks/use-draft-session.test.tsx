// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toast } from "../../../lib/notify";
import "fake-indexeddb/auto";
import { JOURNAL_FULL_MESSAGE, JournalWriteError } from "../adapters/edit-journal";
import { createDraftPersistence } from "../adapters/persistence";
import { UnreadableDraftError } from "../adapters/restore-draft";
import { createStore } from "zustand/vanilla";
import type { DraftData, Timeline } from "../../../lib/draft/document";
import {
  type DraftPersistence,
  newDraftData,
  type StartupDraft,
  useDraftSession,
} from "./use-draft-session";

vi.mock("../../../lib/notify", () => ({
  toast: Object.assign(vi.fn(), { error: vi.fn(), success: vi.fn() }),
}));

afterEach(cleanup);

// The editor's store, reduced to the document: the session needs nothing else of it.
const useSession = (
  persistence: DraftPersistence,
  options: {
    onStorageError: (message: string, problem?: { stillSaving: boolean }) => void;
    takeStartupDraft?: () => StartupDraft | null;
    sample?: { isFirst(): boolean; done(): void; draft(): StartupDraft };
  },
) =>
  useDraftSession(persistence, {
    ...options,
    createStore: (data: DraftData) => createStore<DraftData>()(() => data),
    locks: null,
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
  const drafts = new Map(initial.map((d) => [d.draftId, d]));
  let last: string | null = initial[0]?.draftId ?? null;
  let pending: DraftData | null = null;
  let onError: (error: Error) => void = () => undefined;
  const persistence: DraftPersistence = {
    list: async () =>
      [...drafts.values()].map((d) => ({ id: d.draftId, name: d.name, updatedAt: 0 })),
    load: async (id) => drafts.get(id) ?? null,
    remove: async (id) => void drafts.delete(id),
    lastOpenId: async () => last,
    setLastOpenId: async (id) => void (last = id),
    schedule: (data) => void (pending = data),
    flush: async () => {
      if (!pending) return;
      if (failSaves) {
        const error = new Error("The browser's storage is full.");
        onError(error);
        throw error;
      }
      drafts.set(pending.draftId, pending);
      pending = null;
    },
    watch: () => () => undefined,
    dispose: () => undefined,
    setErrorHandler: (handler) => void (onError = handler),
  };
  return { persistence, drafts };
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
});
