import { createContext, use } from "react";
import type { DraftSummary } from "./use-draft-session";
import type { DraftData } from "../store/draft-store";
import type { StudioSubmitter } from "../model/submission";

export interface StudioSubmitContextValue {
  submitter: StudioSubmitter | null;
  /** The stored drafts, for a batch. */
  drafts: readonly DraftSummary[];
  loadDraft(id: string): Promise<DraftData | null>;
}

export const StudioSubmitContext = createContext<StudioSubmitContextValue | null>(null);

export function useStudioSubmit(): StudioSubmitContextValue {
  return use(StudioSubmitContext) ?? { submitter: null, drafts: [], loadDraft: async () => null };
}
