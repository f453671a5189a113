// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDraftPersistence } from "../adapters/persistence";
import type { DraftPersistence } from "../hooks/use-draft-session";
import type { DraftData, DraftStore } from "../store/draft-store";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { Studio } from "./studio";

// The preview stands in for any part of the editor that throws: it renders normally until a
// prompt asks it to crash, and hands the test the open draft's store.
const opened: { store: DraftStore | null } = { store: null };
vi.mock("./preview", () => ({
  Preview() {
    opened.store = useDraftStoreApi();
    const crash = useDraftStore((s) => s.timeline.clips.some((c) => c.start.prompt === "crash"));
    if (crash) throw new Error("the preview broke");
    return <section aria-label="Preview" />;
  },
}));

afterEach(() => {
  cleanup();
  opened.store = null;
});

/** Keeps drafts in memory and saves only on flush, so a save before a timer proves a flush. */
function memoryPersistence() {
  const saved = new Map<string, DraftData>();
  let pending: DraftData | null = null;
  const persistence: DraftPersistence = {
    list: async () =>
      [...saved.values()].map((d) => ({ id: d.draftId, name: d.name, updatedAt: 0 })),
    load: async (id) => saved.get(id) ?? null,
    remove: async (id) => void saved.delete(id),
    lastOpenId: async () => null,
    setLastOpenId: async () => undefined,
    schedule: (data) => void (pending = data),
    flush: async () => {
      if (pending) saved.set(pending.draftId, pending);
      pending = null;
    },
    dispose: () => undefined,
    setErrorHandler: () => undefined,
  };
  return { persistence, saved };
}

describe("Studio", () => {
  it("shows the error boundary's recovery when a part of the editor throws, and saves the draft", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { persistence, saved } = memoryPersistence();
    const user = userEvent.setup();
    render(<Studio persistence={persistence} />);
    await screen.findByRole("region", { name: "Timeline" });
    const store = opened.store as DraftStore;

    act(() => {
      const startId = store.getState().actions.addStream(0);
      store.getState().actions.setPrompt(startId, "crash");
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The editor hit an error");
    expect(alert).toHaveTextContent("the preview broke");
    expect(screen.queryByRole("region", { name: "Timeline" })).toBeNull();
    // The edit that crashed it was saved at once, not left waiting for the autosave.
    const draftId = store.getState().draftId;
    await waitFor(() => expect(saved.get(draftId)?.timeline.clips[0]?.start.prompt).toBe("crash"));

    // Reopening on the same draft carries on where it was, once the cause is gone.
    act(() =>
      store.getState().actions.setPrompt(store.getState().timeline.clips[0]!.start.id, "a city"),
    );
    await user.click(screen.getByRole("button", { name: "Reopen the editor" }));
    expect(await screen.findByRole("region", { name: "Timeline" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "start at 0.00 s" })).toBeInTheDocument();
  });

  it("says drafts are not being saved when the browser's storage is full", async () => {
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("Quota exceeded", "QuotaExceededError");
    });
    const persistence = createDraftPersistence({ delayMs: 5, dbName: "studio-quota" });
    render(<Studio persistence={persistence} />);
    await screen.findByRole("region", { name: "Timeline" });
    await act(async () => {
      opened.store?.getState().actions.addStream(0);
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Drafts are not being saved.");
    expect(alert).toHaveTextContent("The browser's storage is full.");
    expect(alert).toHaveTextContent("Export the script to keep your work.");
    // The editor stays usable: the work is still there to export.
    expect(screen.getByRole("button", { name: "start at 0.00 s" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export JSON" })).toBeInTheDocument();
  });
});
