// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { showElement, stubIntersectionObserver } from "../../../test/fake-intersection-observer";
import { renderInDraft } from "../testing/render-in-draft";
import { ONE_STREAM as timeline } from "../testing/timelines";
import { ScriptPanel } from "./script-panel";

beforeEach(stubIntersectionObserver);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  const { store } = renderInDraft(<ScriptPanel onImportFile={() => {}} />, timeline);
  return { store, json: screen.getByRole("textbox", { name: "The script as JSON" }) };
}

describe("the script's JSON text", () => {
  it("skips laying out its text while off screen, yet keeps its value current", () => {
    const { store, json } = setup();
    showElement(json, false);
    expect(json.style.contentVisibility).toBe("hidden");

    act(() => store.getState().actions.setPrompt("s1", "a harbour"));
    expect((json as HTMLTextAreaElement).value).toContain('"prompt": "a harbour"');

    showElement(json, true);
    expect(json.style.contentVisibility).toBe("");
  });

  it("is laid out while focused, wherever it is", () => {
    const { json } = setup();
    showElement(json, false);
    act(() => json.focus());
    expect(json.style.contentVisibility).toBe("");
  });
});
