// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DROP_OVERLAY_ATTRIBUTE, useFileDrag } from "./use-file-drag";

afterEach(cleanup);

/** A drag event carrying `files`, as the browser makes one (jsdom has no DragEvent). */
function fileEvent(type: "dragenter" | "drop", files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, "dataTransfer", { value: { types: ["Files"], files } });
  return event;
}

describe("useFileDrag", () => {
  const frame = new File(["png"], "frame.png", { type: "image/png" });

  it("hands a drop the overlay did not catch to its handler at once, and ends the drag", () => {
    const onMissedDrop = vi.fn();
    const { result } = renderHook(() => useFileDrag(onMissedDrop));
    const clip = document.body.appendChild(document.createElement("div"));

    act(() => void clip.dispatchEvent(fileEvent("dragenter", [frame])));
    expect(result.current.dragging).toBe(true);
    const drop = fileEvent("drop", [frame]);
    act(() => void clip.dispatchEvent(drop));

    expect(onMissedDrop).toHaveBeenCalledWith({ files: [frame], target: clip });
    // The overlay does not stay, or mount late, over the page after the drop: it would take
    // the creator's next click.
    expect(result.current.dragging).toBe(false);
    // Nor does the browser open the file in place of the studio.
    expect(drop.defaultPrevented).toBe(true);
  });

  it("leaves a drop on the overlay to the overlay", () => {
    const onMissedDrop = vi.fn();
    const { result } = renderHook(() => useFileDrag(onMissedDrop));
    const overlay = document.body.appendChild(document.createElement("div"));
    overlay.setAttribute(DROP_OVERLAY_ATTRIBUTE, "");

    act(() => void overlay.dispatchEvent(fileEvent("dragenter", [frame])));
    act(() => void overlay.dispatchEvent(fileEvent("drop", [frame])));

    expect(onMissedDrop).not.toHaveBeenCalled();
    expect(result.current.dragging).toBe(true);
    act(() => result.current.end());
    expect(result.current.dragging).toBe(false);
  });
});
