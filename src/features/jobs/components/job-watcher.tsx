// Follows this key's active jobs from anywhere in the app, so a creator who submits and goes on
// editing hears when the video is ready: a toast, and a mark in the tab's title until they
// look at their jobs. A job submitted from this tab has one toast from "Job submitted" to its
// result, with its render progress meanwhile (hooks/use-job-toasts.ts). It asks nothing while
// no job is active.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocation } from "wouter";
import type { SimulateClient } from "../../../api/simulate-client";
import type { Job } from "../../../contract/jobs";
import { useApiClient } from "../../../lib/connection/use-connection";
import { toast } from "../../../lib/notify";
import { followedJobs, unfollowJob } from "../api/followed-jobs";
import { getJobQueryOptions } from "../api/get-job";
import { getJobsQueryOptions } from "../api/get-jobs";
import { useJobToasts } from "../hooks/use-job-toasts";
import { jobResultToast, jobToastId } from "../model/job-toasts";
import { isActiveStatus } from "../model/polling";

export function JobWatcher() {
  const { client } = useApiClient();
  return client ? <ActiveJobsWatcher key={client.root} client={client} /> : null;
}

function ActiveJobsWatcher({ client }: { client: SimulateClient }) {
  const queryClient = useQueryClient();
  const [pathname, navigate] = useLocation();
  const active = useQuery(getJobsQueryOptions(client, { active: true, page: 0 }));
  const watched = useRef<Set<string> | null>(null);
  /** Jobs whose end has been told, so the list and a followed job's own query tell it once. */
  const told = useRef(new Set<string>());
  const [unseen, setUnseen] = useState(0);

  const viewAction = useCallback(
    (jobId: string) => ({
      label: "View job",
      onClick: () => navigate(`/jobs/${encodeURIComponent(jobId)}`),
    }),
    [navigate],
  );

  const tellEnd = useCallback(
    (job: Job) => {
      // An answer from before the job ended (a fetch already under way) says nothing yet.
      if (isActiveStatus(job.status) || told.current.has(job.job_id)) return;
      told.current.add(job.job_id);
      const wasFollowed = followedJobs
        .getState()
        .jobs.some((entry) => entry.root === client.root && entry.jobId === job.job_id);
      unfollowJob(client.root, job.job_id);
      const result = jobResultToast(job);
      if (!result) {
        // Cancelled: the creator did that, and the cancel says so; its progress toast goes.
        if (wasFollowed) toast.dismiss(jobToastId(job.job_id));
        return;
      }
      // Replaces the job's own toast when it is still showing, else shows anew.
      toast[result.kind](result.title, {
        id: jobToastId(job.job_id),
        description: result.description,
        duration: result.duration,
        action: viewAction(job.job_id),
      });
      if (job.status === "completed") setUnseen((n) => n + 1);
    },
    [client.root, viewAction],
  );

  useJobToasts(client, tellEnd, viewAction);

  useEffect(() => {
    if (!active.data) return;
    const now = new Set(active.data.jobs.map((job) => job.job_id));
    const before = watched.current;
    watched.current = now;
    if (!before) return;
    for (const jobId of before) {
      // A followed job's own query may have told its end already: no need to ask again.
      if (now.has(jobId) || told.current.has(jobId)) continue;
      void queryClient
        .fetchQuery({ ...getJobQueryOptions(client, jobId), staleTime: 0 })
        .then(tellEnd)
        .catch(() => {
          // The dashboard shows the job's state; a missed notice is not worth an error.
        });
    }
  }, [active.data, client, queryClient, tellEnd]);

  // Looking at the jobs pages counts as having seen what finished.
  useEffect(() => {
    if (!pathname.startsWith("/jobs")) return;
    const seen = () => {
      if (document.visibilityState === "visible") setUnseen(0);
    };
    seen();
    document.addEventListener("visibilitychange", seen);
    return () => document.removeEventListener("visibilitychange", seen);
  }, [pathname, unseen]);

  useEffect(() => {
    const base = document.title.replace(/^✓ \d+ ready · /, "");
    document.title = unseen > 0 ? `✓ ${unseen} ready · ${base}` : base;
  }, [unseen]);

  return null;
}
