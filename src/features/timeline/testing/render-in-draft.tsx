// For the timeline's component tests: a part of the editor rendered as the studio renders it,
// inside a draft's store and with the draft's problems checked on every edit, so a test only says
// which timeline it starts from and what it renders.
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { TimelineCheckContext } from "../hooks/use-timeline-check";
import { checkTimeline } from "../model/problems";
import type { Timeline } from "../model/timeline";
import { createDraftStore, type DraftStore } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";

/** Children see the current timeline's problems, as under the studio. */
// Test code is never hot-reloaded: a component beside the helper is fine here.
// eslint-disable-next-line react-refresh/only-export-components
function WithCheck({ children }: { children: ReactNode }) {
  const current = useDraftStore((s) => s.timeline);
  return <TimelineCheckContext value={checkTimeline(current)}>{children}</TimelineCheckContext>;
}

export function renderInDraft(
  ui: ReactNode | ((store: DraftStore) => ReactNode),
  timeline: Timeline,
  options: { selection?: string[]; now?: () => number } = {},
) {
  const store = createDraftStore(
    { draftId: "d", name: "Draft", timeline },
    options.now ? { now: options.now } : {},
  );
  if (options.selection) store.getState().actions.select(options.selection);
  render(
    <DraftStoreContext value={store}>
      <WithCheck>{typeof ui === "function" ? ui(store) : ui}</WithCheck>
    </DraftStoreContext>,
  );
  return { store, user: userEvent.setup() };
}
