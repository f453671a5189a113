// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderInDraft } from "../testing/render-in-draft";
import { CITY_IN_RAIN } from "../testing/timelines";
import { loadDragLayer } from "./studio-chunks";
import { TimelineView } from "./timeline-view";

const timeline = CITY_IN_RAIN;

afterEach(cleanup);
beforeAll(async () => {
  // Fetched before the timeline mounts, as when the browser has been idle: it is then there at once.
  await loadDragLayer();
});

const setup = () => renderInDraft(<TimelineView />, timeline);

const entry = (name: string) => screen.getByRole("button", { name });
/** The entries and streams drawn faded, as the one a drag moves is. */
const faded = () =>
  [...document.querySelectorAll<HTMLElement>("[data-entry-id], [data-clip-body]")]
    .filter((b) => b.classList.contains("opacity-40"))
    .map((b) => b.getAttribute("aria-label") ?? "stream");

/** The one element over the page while the pointer drags (see timeline-drag-layer.tsx). */
const shield = () => document.querySelector(".fixed.inset-0.cursor-grabbing");

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
    // The pointer's moves meet one element over everything, not the 1,250 boxes of the track.
    expect(shield()).toBeInTheDocument();
    act(() => void fireEvent.mouseUp(document, { clientX: 110, clientY: 50 }));
    expect(store.getState().dragging).toBe(false);
    expect(faded()).toEqual([]);
    expect(shield()).toBeNull();
  });

  it("scrolls the timeline sideways with the wheel while the pointer drags", () => {
    setup();
    act(() => pressAndMove(entry("interaction at 3.00 s")));
    const scroller = screen
      .getByRole("region", { name: "Timeline" })
      .querySelector<HTMLElement>("[class*='overflow-x']");
    if (!scroller) throw new Error("no scroller");
    const before = scroller.scrollLeft;
    act(() => void fireEvent.wheel(shield()!, { deltaX: 120 }));
    act(() => void fireEvent.wheel(shield()!, { deltaY: 80, shiftKey: true }));
    expect(scroller.scrollLeft).toBe(before + 200);
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
    // A keyboard drag leaves the pointer free to click anywhere.
    expect(shield()).toBeNull();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(store.getState().dragging).toBe(false));
  });
});
