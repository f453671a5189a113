// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LazyStream } from "./lazy-stream";

/** An IntersectionObserver the test moves: `reveal(element)` brings that element into view. */
const observers: { callback: IntersectionObserverCallback; elements: Set<Element> }[] = [];
function reveal(element: Element) {
  for (const observer of observers) {
    if (!observer.elements.has(element)) continue;
    const entry = { isIntersecting: true, target: element } as IntersectionObserverEntry;
    act(() => observer.callback([entry], {} as IntersectionObserver));
  }
}

beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      private record: (typeof observers)[number];
      constructor(callback: IntersectionObserverCallback) {
        this.record = { callback, elements: new Set() };
        observers.push(this.record);
      }
      observe(element: Element) {
        this.record.elements.add(element);
      }
      disconnect() {
        this.record.elements.clear();
      }
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const player = (title: string) => () => <p>{`${title} player`}</p>;

describe("LazyStream", () => {
  it("mounts the first players at once, and the rest only when their place comes near", () => {
    const render_ = vi.fn(player("Stream 9"));
    render(
      <>
        <LazyStream title="Stream 1" index={0}>
          {player("Stream 1")}
        </LazyStream>
        <LazyStream title="Stream 9" index={8}>
          {render_}
        </LazyStream>
      </>,
    );
    expect(screen.getByText("Stream 1 player")).toBeInTheDocument();
    // Its place is held under the player's name, and nothing of the player is made yet.
    const place = screen.getByRole("region", { name: "Stream 9" });
    expect(screen.queryByText("Stream 9 player")).toBeNull();
    expect(render_).not.toHaveBeenCalled();

    reveal(place);
    expect(screen.getByText("Stream 9 player")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Stream 9" })).toBeNull();
  });
});
