// Keeps the toast of each job this tab submitted in step with the job, from the polling the
// query cache already does for it (a job's query asks every 2 s while it is active and stops
// when it ends): progress updates the one toast in place, and the job's end is handed on.
import { useQueries } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ExternalToast } from "sonner";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { SimulateClient } from "../../../api/simulate-client";
import type { Job } from "../../../contract/jobs";
import { toast } from "../../../lib/notify";
import { followedJobs, jobToastOptions } from "../api/followed-jobs";
import { getJobQueryOptions } from "../api/get-job";
import { renderingDescription } from "../model/job-toasts";
import { isActiveStatus } from "../model/polling";

export function useJobToasts(
  client: SimulateClient,
  /** Called for a followed job once it has ended, until it is no longer followed. */
  onEnded: (job: Job) => void,
  viewAction: (jobId: string) => ExternalToast["action"],
): void {
  const followed = useStore(
    followedJobs,
    useShallow((s) => s.jobs.filter((job) => job.root === client.root)),
  );
  const jobs = useQueries({
    queries: followed.map((job) => getJobQueryOptions(client, job.jobId)),
    combine: (results) => results.map((result) => result.data),
  });
  /** What each job's toast last said, so an unchanged answer does not touch it. */
  const said = useRef(new Map<string, string>());

  useEffect(() => {
    followed.forEach((entry, i) => {
      const job = jobs[i];
      if (!job || job.job_id !== entry.jobId) return;
      if (!isActiveStatus(job.status)) {
        said.current.delete(job.job_id);
        onEnded(job);
        return;
      }
      if (entry.muted) return;
      const description = renderingDescription(job, Date.now());
      if (description === null || said.current.get(job.job_id) === description) return;
      said.current.set(job.job_id, description);
      toast.success(entry.title, {
        ...jobToastOptions(entry.root, entry.jobId),
        description,
        action: viewAction(entry.jobId),
      });
    });
  }, [followed, jobs, onEnded, viewAction]);
}
