// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TimelineCheckContext } from "../hooks/use-timeline-check";
import { checkTimeline } from "../model/problems";
import type { Timeline } from "../model/timeline";
import { createDraftStore } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";
import { TimelineView } from "./timeline-view";

const timeline: Timeline = {
  portrait: false,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
      end: { id: "e1", timestampMs: 9000 },
    },
  ],
};

afterEach(cleanup);
// jsdom has no layout: no handle is under any point, so no overlap to resolve at a pick-up.
beforeAll(() => {
  document.elementsFromPoint ??= () => [];
});

function Editor() {
  const current = useDraftStore((s) => s.timeline);
  return (
    <TimelineCheckContext value={checkTimeline(current)}>
      <TimelineView />
    </TimelineCheckContext>
  );
}

function setup() {
  const store = createDraftStore({ draftId: "d", name: "Draft", timeline });
  render(
    <DraftStoreContext value={store}>
      <Editor />
    </DraftStoreContext>,
  );
  return { store, user: userEvent.setup() };
}

const entry = (name: string) => screen.getByRole("button", { name });
/** The entries and streams drawn faded, as the one a drag moves is. */
const faded = () =>
  [...document.querySelectorAll<HTMLElement>("[data-entry-id], [data-clip-body]")]
    .filter((b) => b.classList.contains("opacity-40"))
    .map((b) => b.getAttribute("aria-label") ?? "stream");

/** A mouse press at `from` moved 10 px right: past the sensor's 4 px, so a drag if any. */
function pressAndMove(from: Element) {
  fireEvent.mouseDown(from, { button: 0, clientX: 100, clientY: 50 });
  fireEvent.mouseMove(document, { clientX: 110, clientY: 50 });
}

describe("the track as the one draggable", () => {
  it("picks up the entry pressed, which alone fades, and drops it", async () => {
    const { store } = setup();
    act(() => pressAndMove(entry("interaction at 3.00 s")));
    expect(store.getState().dragging).toBe(true);
    expect(screen.getByText(/Picked up/)).toBeInTheDocument();
    expect(faded()).toEqual(["interaction at 3.00 s"]);
    act(() => void fireEvent.mouseUp(document, { clientX: 110, clientY: 50 }));
    expect(store.getState().dragging).toBe(false);
    expect(faded()).toEqual([]);
  });

  it("picks up the stream by its body", () => {
    const { store } = setup();
    const body = screen.getByRole("button", { name: /^stream 1 from/ });
    act(() => pressAndMove(body.querySelector("span") ?? body));
    expect(store.getState().dragging).toBe(true);
    expect(faded()).toEqual(["stream"]);
  });

  it("leaves a press on the track's background alone", () => {
    const { store } = setup();
    const track = entry("start at 0.00 s").closest("[data-clip]")?.parentElement;
    if (!track) throw new Error("no track");
    act(() => pressAndMove(track));
    expect(store.getState().dragging).toBe(false);
    // Nor does dnd-kit start a drag of nothing (which it would announce).
    expect(screen.queryByText(/Picked up/)).toBeNull();
  });

  it("picks up the focused entry with Enter, as a screen reader is told", async () => {
    const { store, user } = setup();
    const handle = entry("interaction at 3.00 s");
    expect(handle).toHaveAttribute("aria-roledescription", "draggable");
    const instructions = document.getElementById(handle.getAttribute("aria-describedby") ?? "");
    expect(instructions).toHaveTextContent("Press Enter to pick up.");
    handle.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(store.getState().dragging).toBe(true));
    expect(faded()).toEqual(["interaction at 3.00 s"]);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(store.getState().dragging).toBe(false));
  });
});
