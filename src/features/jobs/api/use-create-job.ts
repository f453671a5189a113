// Resubmitting from the job pages, as a mutation: its pending state drives the button.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SimulateClient } from "../../../api/simulate-client";
import type { SubmissionStore } from "../../../lib/submissions/submission-store";
import { type JobToCreate, submitJob } from "./create-job";

export function useCreateJob(client: SimulateClient | null, submissions: SubmissionStore) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: JobToCreate) => submitJob(queryClient, client, submissions, job),
  });
}
