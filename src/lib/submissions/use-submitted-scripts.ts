// Kept apart from use-submissions.ts, which the studio's first paint imports: this one brings
// TanStack Query's useQuery, and only the job pages need it (app/server-state.tsx).
import { useQuery } from "@tanstack/react-query";
import { useSubmissionStore } from "./use-submissions";

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
