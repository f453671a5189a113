// @vitest-environment jsdom
// Before the drag layer (dnd-kit) has arrived: a press on an entry moves nothing and fetches it.
// Its own file, so the layer is not yet in this module graph when the timeline mounts.
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { renderInDraft } from "../testing/render-in-draft";
import { CITY_IN_RAIN } from "../testing/timelines";
import { loadedDragLayer } from "./studio-chunks";
import { TimelineView } from "./timeline-view";

const timeline = CITY_IN_RAIN;

afterEach(cleanup);
beforeAll(() => {
  // A browser that is never idle: only the press can fetch dragging here.
  vi.stubGlobal("requestIdleCallback", () => 0);
  vi.stubGlobal("cancelIdleCallback", () => {});
});
afterAll(() => void vi.unstubAllGlobals());

/** A press on `target` moved 10 px right and let go: past the sensor's 4 px, so a drag if any. */
function pressMoveAndLetGo(target: Element) {
  fireEvent.pointerDown(target, { button: 0, clientX: 100, clientY: 50 });
  fireEvent.mouseDown(target, { button: 0, clientX: 100, clientY: 50 });
  fireEvent.mouseMove(document, { clientX: 110, clientY: 50 });
}

it("moves nothing on a press before dragging has arrived, and fetches it then", async () => {
  expect(loadedDragLayer()).toBeUndefined();
  const { store } = renderInDraft(<TimelineView />, timeline);
  const region = screen.getByRole("region", { name: "Timeline" });
  const handle = screen.getByRole("button", { name: "interaction at 3.00 s" });
  expect(region).not.toHaveAttribute("data-drag-ready");
  // Described from the start: the instructions are the timeline's own, not dnd-kit's.
  expect(document.getElementById(handle.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
    "Press Enter to pick up.",
  );

  act(() => pressMoveAndLetGo(handle));
  expect(store.getState().dragging).toBe(false);
  act(() => void fireEvent.mouseUp(document, { clientX: 110, clientY: 50 }));
  expect(store.getState().timeline).toBe(timeline);

  await waitFor(() => expect(region).toHaveAttribute("data-drag-ready"), { timeout: 20_000 });
  act(() => pressMoveAndLetGo(handle));
  expect(store.getState().dragging).toBe(true);
});
