// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderInDraft } from "../testing/render-in-draft";
import { Inspector } from "./inspector";
import { loadEntryFields } from "./studio-chunks";
import { CITY_IN_RAIN } from "../testing/timelines";

const timeline = CITY_IN_RAIN;

const setup = (selection: string[] = []) => renderInDraft(<Inspector />, timeline, { selection });

// Vitest runs without globals, so Testing Library cannot clean up by itself.
afterEach(cleanup);

// First: the fields' chunk is fetched once per test file, and this is before it was.
describe("Inspector before its fields' chunk arrived", () => {
  it("shows the entry's panel and Delete at once, then its fields", async () => {
    setup(["i1"]);
    expect(screen.getByRole("heading", { name: "Interaction in stream 1" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete interaction" })).toBeInTheDocument();
    expect(await screen.findByRole("textbox", { name: "Prompt" })).toHaveValue("rain");
  });
});

describe("Inspector", () => {
  // As in the studio once it was idle.
  beforeAll(async () => {
    await loadEntryFields();
  });

  it("explains what to do when nothing is selected", () => {
    setup();
    expect(screen.getByRole("heading", { name: "Inspector" })).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Prompt" })).not.toBeInTheDocument();
  });

  it("shows an entry picked up by a drag, a render later, and follows at once again after", async () => {
    const { store } = setup(["s1"]);
    act(() => {
      // As a pick-up does: the drag starts and selects what it holds.
      store.getState().actions.setDragging(true);
      store.getState().actions.select(["i1"]);
    });
    expect(await screen.findByRole("textbox", { name: "Prompt" })).toHaveValue("rain");
    act(() => store.getState().actions.setDragging(false));
    act(() => store.getState().actions.select(["s1"]));
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("a city");
  });

  it("edits the selected interaction's prompt with a live character count", async () => {
    const { store, user } = setup(["i1"]);
    const prompt = screen.getByRole("textbox", { name: "Prompt" });
    expect(prompt).toHaveValue("rain");
    expect(screen.getByText("4 / 2,000")).toBeInTheDocument();
    await user.clear(prompt);
    await user.type(prompt, "snow falls");
    expect(store.getState().timeline.clips[0]?.interactions[0]?.prompt).toBe("snow falls");
    expect(screen.getByText("10 / 2,000")).toBeInTheDocument();
    // The whole burst of typing is one undo step.
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it("pins the entry's problems, such as an empty prompt", async () => {
    const { user } = setup(["s1"]);
    await user.clear(screen.getByRole("textbox", { name: "Prompt" }));
    expect(screen.getByText("the prompt of the start at 0.00 s is empty")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveAttribute("aria-invalid", "true");
  });

  it("flags a prompt over the 2,000 character limit", async () => {
    const { store } = setup(["i1"]);
    store.getState().actions.setPrompt("i1", "x".repeat(2001));
    expect(await screen.findByText("2,001 / 2,000")).toBeInTheDocument();
    expect(screen.getByText(/the limit is 2,000/)).toBeInTheDocument();
  });

  it("sets an exact time and says when the rules kept it elsewhere", async () => {
    const { store, user } = setup(["i1"]);
    const time = screen.getByRole("textbox", { name: "Time (seconds)" });
    expect(time).toHaveValue("3.00");
    await user.clear(time);
    await user.type(time, "4.25{Enter}");
    expect(store.getState().timeline.clips[0]?.interactions[0]?.timestampMs).toBe(4250);
    await user.clear(time);
    await user.type(time, "20{Enter}");
    // The stream ends at 9 s; its last frame, the latest an interaction is seen, is at 8.96 s.
    expect(store.getState().timeline.clips[0]?.interactions[0]?.timestampMs).toBe(8960);
    expect(time).toHaveValue("8.96");
    expect(
      screen.getByText(
        "Kept at 8.96 s, its stream's last frame: an interaction any later would never be seen.",
      ),
    ).toBeInTheDocument();
    await user.clear(time);
    await user.type(time, "soon{Enter}");
    expect(screen.getByText("Enter a time in seconds, like 3.25")).toBeInTheDocument();
  });

  it("deletes the selected interaction, and a start deletes its stream", async () => {
    const { store, user } = setup(["i1"]);
    await user.click(screen.getByRole("button", { name: "Delete interaction" }));
    expect(store.getState().timeline.clips[0]?.interactions).toEqual([]);
    store.getState().actions.select(["s1"]);
    await user.click(await screen.findByRole("button", { name: "Delete stream" }));
    expect(store.getState().timeline.clips).toEqual([]);
  });

  it("offers group actions for several selected entries", async () => {
    const { store, user } = setup(["i1", "s1"]);
    expect(screen.getByRole("heading", { name: "2 entries selected" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Duplicate" }));
    expect(store.getState().timeline.clips).toHaveLength(2);
  });
});
