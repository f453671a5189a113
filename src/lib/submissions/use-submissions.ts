import { createContext, use } from "react";
import type { SubmissionStore } from "./submission-store";

export const SubmissionsContext = createContext<SubmissionStore | null>(null);

export function useSubmissionStore(): SubmissionStore {
  const store = use(SubmissionsContext);
  if (!store) throw new Error("useSubmissionStore needs a SubmissionsContext above it");
  return store;
}
