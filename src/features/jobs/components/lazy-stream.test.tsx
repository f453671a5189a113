// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { showElement, stubIntersectionObserver } from "../../../test/fake-intersection-observer";
import { LazyStream } from "./lazy-stream";

beforeEach(stubIntersectionObserver);
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

    showElement(place);
    expect(screen.getByText("Stream 9 player")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Stream 9" })).toBeNull();
  });
});
