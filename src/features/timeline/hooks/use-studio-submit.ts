import { createContext, use } from "react";
import type { DraftSummary } from "../../../lib/draft/document";
import type { DraftData } from "../store/draft-store";
import type { Refusal } from "../model/problems";
import type { StudioSubmitter } from "../model/submission";
import type { Timeline } from "../model/timeline";

/** The problems a server named in a timeline it refused, kept with that exact timeline. */
export interface RefusedTimeline {
  timeline: Timeline;
  refusals: Refusal[];
}

export interface StudioSubmitContextValue {
  submitter: StudioSubmitter | null;
  /** The stored drafts, for a batch. */
  drafts: readonly DraftSummary[];
  loadDraft(id: string): Promise<DraftData | null>;
  reportRefusal(refused: RefusedTimeline | null): void;
}

export const StudioSubmitContext = createContext<StudioSubmitContextValue | null>(null);

export function useStudioSubmit(): StudioSubmitContextValue {
  return (
    use(StudioSubmitContext) ?? {
      submitter: null,
      drafts: [],
      loadDraft: async () => null,
      reportRefusal: () => undefined,
    }
  );
}
