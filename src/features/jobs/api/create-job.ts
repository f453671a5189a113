// Submitting scripts: the job is created, then what was sent is kept by job id so it can be
// opened or resubmitted later. Saving that copy may fail (storage full) without failing the job.
// No TanStack Query here: the studio submits through this before Query's core has arrived
// (app/server-state.tsx); the job pages' mutation hook is in use-create-job.ts.
import type { QueryClient } from "@tanstack/react-query";
import type { ScriptEntry } from "../../../contract/script";
import type { SimulateClient } from "../../../api/simulate-client";
import type { SubmissionStore } from "../../../lib/submissions/submission-store";
import { jobKeys } from "./query-keys";

export interface JobToCreate {
  names: string[];
  scripts: ScriptEntry[][];
  portrait: boolean;
}

export async function createJob(
  client: SimulateClient,
  submissions: SubmissionStore,
  { names, scripts, portrait }: JobToCreate,
) {
  const created = await client.createJob({
    ...(scripts.length === 1 ? { script: scripts[0] } : { scripts }),
    portrait,
    output_video: true,
  });
  const kept = await submissions
    .save({
      jobId: created.job_id,
      root: client.root,
      names,
      scripts,
      portrait,
      submittedAt: Date.now(),
    })
    .then(
      () => true,
      () => false,
    );
  // The root it went to, as a job id means nothing without its server.
  return { ...created, kept, root: client.root };
}

/**
 * Creates the job and marks the job lists stale. The client is absent only before Query's core
 * has arrived, and then no list has been fetched that could be stale.
 */
export async function submitJob(
  queryClient: QueryClient | undefined,
  client: SimulateClient | null,
  submissions: SubmissionStore,
  job: JobToCreate,
) {
  if (!client) throw new Error("No API target is ready; check Settings.");
  const created = await createJob(client, submissions, job);
  void queryClient?.invalidateQueries({ queryKey: jobKeys.all });
  return created;
}
