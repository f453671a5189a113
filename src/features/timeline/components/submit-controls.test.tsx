// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { useState } from "react";
import { type RefusedTimeline, StudioSubmitContext } from "../hooks/use-studio-submit";
import { TimelineCheckContext } from "../hooks/use-timeline-check";
import { checkTimeline } from "../model/problems";
import type { StudioSubmitter, SubmitOutcome, SubmitRequest } from "../model/submission";
import type { Timeline } from "../model/timeline";
import { createDraftStore, type DraftStore } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";
import { SubmitControls } from "./submit-controls";

const timeline: Timeline = {
  portrait: true,
  clips: [
    {
      id: "c1",
      start: { id: "s1", timestampMs: 0, prompt: "a city" },
      interactions: [{ id: "i1", timestampMs: 3000, prompt: "rain" }],
      end: { id: "e1", timestampMs: 9000 },
    },
  ],
};

/** What Studio does around the controls: the check, with a refusal while its timeline holds. */
function Harness({ submitter }: { submitter: StudioSubmitter }) {
  const current = useDraftStore((s) => s.timeline);
  const [refused, setRefused] = useState<RefusedTimeline | null>(null);
  const check = checkTimeline(current, refused?.timeline === current ? refused.refusals : []);
  return (
    <StudioSubmitContext
      value={{ submitter, drafts: [], loadDraft: async () => null, reportRefusal: setRefused }}
    >
      <TimelineCheckContext value={check}>
        <SubmitControls />
      </TimelineCheckContext>
    </StudioSubmitContext>
  );
}

/** A submitter whose answer the test gives, one promise at a time. */
function controlledSubmitter(unavailable: string | null = null) {
  const calls: SubmitRequest[] = [];
  let answer: (outcome: SubmitOutcome) => void = () => undefined;
  const submitter: StudioSubmitter = {
    unavailable,
    destination: "the local engine",
    submit(request) {
      calls.push(request);
      return new Promise((resolve) => (answer = resolve));
    },
  };
  return { submitter, calls, answer: (outcome: SubmitOutcome) => answer(outcome) };
}

function setup(submitter: StudioSubmitter, draft: Timeline = timeline) {
  const store: DraftStore = createDraftStore({ draftId: "d", name: "Harbour", timeline: draft });
  render(
    <DraftStoreContext value={store}>
      <Harness submitter={submitter} />
    </DraftStoreContext>,
  );
  return { store, user: userEvent.setup() };
}

afterEach(cleanup);

describe("SubmitControls", () => {
  it("sends the draft's script, name and orientation once however often it is clicked", async () => {
    const { submitter, calls, answer } = controlledSubmitter();
    const { user } = setup(submitter);
    const button = screen.getByRole("button", { name: "Submit" });
    expect(button).toHaveAccessibleDescription("Ready to run on the local engine.");
    await user.click(button);
    await user.click(screen.getByRole("button", { name: "Submitting…" }));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({
      names: ["Harbour"],
      portrait: true,
      scripts: [
        [
          { timestamp_ms: 0, start: { prompt: "a city" } },
          { timestamp_ms: 3000, interact: { prompt: "rain" } },
          { timestamp_ms: 9000, end: {} },
        ],
      ],
    });
    await act(async () => answer({ ok: true }));
    expect(screen.getByRole("button", { name: "Submit" })).toBeEnabled();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a refusal in words, pins each named entry, and leaves the draft alone", async () => {
    const { submitter, answer } = controlledSubmitter();
    const { store, user } = setup(submitter);
    const before = store.getState().timeline;
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await act(async () =>
      answer({
        ok: false,
        message: "The server refused the script (422): the interaction is too long.",
        issues: [
          { loc: ["body", "script", 1, "interact", "prompt"], msg: "the interaction is too long" },
          { loc: ["body"], msg: "and something about the whole body" },
        ],
      }),
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Not submitted. The server refused the script (422)");
    expect(alert).toHaveTextContent("Your draft is unchanged.");
    expect(screen.getByText("and something about the whole body").tagName).toBe("LI");
    await user.click(screen.getByRole("link", { name: "the interaction is too long" }));
    expect(store.getState().selection).toEqual(["i1"]);
    expect(store.getState().timeline).toBe(before);

    // The refusal is pinned like the studio's own problems until the draft changes.
    const submit = screen.getByRole("button", { name: "Submit" });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(
      "Fix the problem first: the interaction is too long",
    );
    act(() => store.getState().actions.setPrompt("i1", "light rain"));
    expect(screen.getByRole("button", { name: "Submit" })).toBeEnabled();
  });

  it("opens the batch dialog on the first click, its part fetched then", async () => {
    const { submitter } = controlledSubmitter();
    const { user } = setup(submitter);
    await user.click(screen.getByRole("button", { name: "Submit batch…" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit a batch" });
    expect(dialog).toBeVisible();
    expect(await screen.findByRole("checkbox", { name: "Harbour" })).toBeChecked();
  });

  it("stays disabled with the reason while no target is ready", () => {
    const { submitter } = controlledSubmitter("Add your Odyssey API key in Settings.");
    setup(submitter);
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Submit" })).toHaveAccessibleDescription(
      "Add your Odyssey API key in Settings.",
    );
    expect(screen.getByRole("button", { name: "Submit batch…" })).toBeDisabled();
  });

  it("puts the script's problems before anything else", () => {
    const { submitter } = controlledSubmitter();
    setup(submitter, { portrait: false, clips: [] });
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Submit" })).toHaveAccessibleDescription(
      /^Fix the problem first: /,
    );
  });
});
