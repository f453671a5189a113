import { useQuery } from "@tanstack/react-query";
import { createContext, use } from "react";
import type { SubmissionStore } from "./submission-store";

export const SubmissionsContext = createContext<SubmissionStore | null>(null);

export function useSubmissionStore(): SubmissionStore {
  const store = use(SubmissionsContext);
  if (!store) throw new Error("useSubmissionStore needs a SubmissionsContext above it");
  return store;
}

/** This browser's copies of what it submitted for these jobs (null where it has none). */
export function useSubmissions(root: string, jobIds: readonly string[]) {
  const store = useSubmissionStore();
  return useQuery({
    queryKey: ["submissions", { root, jobIds }],
    queryFn: () => store.getMany(root, jobIds),
    // What was submitted never changes; new jobs come with new ids, so a new key.
    staleTime: Infinity,
  });
}
