// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDraftStore, type DraftStore } from "../store/draft-store";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { Studio, type StudioDrafts } from "./studio";

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

/** The drafts feature's side, reduced to a store and a record of what it was asked to save. */
function keptDrafts() {
  const store = createDraftStore({
    draftId: "d1",
    name: "City",
    timeline: { portrait: false, clips: [] },
  });
  const saved: string[] = [];
  const drafts: StudioDrafts = {
    store,
    drafts: [],
    loadDraft: async () => null,
    openScript: async () => undefined,
    saveNow: () => saved.push(store.getState().timeline.clips[0]?.start.prompt ?? ""),
    readOnly: false,
  };
  return { drafts, saved };
}

describe("Studio", () => {
  it("shows the error boundary's recovery when a part of the editor throws, and saves the draft", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { drafts, saved } = keptDrafts();
    const user = userEvent.setup();
    render(<Studio drafts={drafts} draftsMenu={null} />);
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
    await waitFor(() => expect(saved).toContain("crash"));

    // Reopening on the same draft carries on where it was, once the cause is gone.
    act(() =>
      store.getState().actions.setPrompt(store.getState().timeline.clips[0]!.start.id, "a city"),
    );
    await user.click(screen.getByRole("button", { name: "Reopen the editor" }));
    expect(await screen.findByRole("region", { name: "Timeline" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "start at 0.00 s" })).toBeInTheDocument();
  });
});
