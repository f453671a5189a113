// Follows this key's active jobs from anywhere in the app, so a creator who submits and goes on
// editing hears when the video is ready: a toast, and a mark in the tab's title until they
// look at their jobs. It asks nothing while no job is active.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useLocation } from "wouter";
import type { SimulateClient } from "../../../api/simulate-client";
import type { Job } from "../../../contract/jobs";
import { formatDuration, parseTimestamp } from "../../../lib/format-time";
import { useApiClient } from "../../../lib/connection/use-connection";
import { getJobQueryOptions } from "../api/get-job";
import { getJobsQueryOptions } from "../api/get-jobs";
import { toast } from "../../../lib/notify";

export function JobWatcher() {
  const { client } = useApiClient();
  return client ? <ActiveJobsWatcher key={client.root} client={client} /> : null;
}

function ActiveJobsWatcher({ client }: { client: SimulateClient }) {
  const queryClient = useQueryClient();
  const [pathname, navigate] = useLocation();
  const active = useQuery(getJobsQueryOptions(client, { active: true, page: 0 }));
  const watched = useRef<Set<string> | null>(null);
  const [unseen, setUnseen] = useState(0);

  useEffect(() => {
    if (!active.data) return;
    const now = new Set(active.data.jobs.map((job) => job.job_id));
    const before = watched.current;
    watched.current = now;
    if (!before) return;
    for (const jobId of before) {
      if (now.has(jobId)) continue;
      void queryClient
        .fetchQuery({ ...getJobQueryOptions(client, jobId), staleTime: 0 })
        .then((job) => {
          const view = {
            label: "View job",
            onClick: () => navigate(`/jobs/${encodeURIComponent(jobId)}`),
          };
          if (job.status === "completed") {
            const count = job.streams.length;
            toast.success(count === 1 ? "Your video is ready" : `Your ${count} videos are ready`, {
              description: `Job ${jobId.slice(0, 8)} completed${tookText(job)}.`,
              action: view,
            });
            setUnseen((n) => n + 1);
          } else if (job.status === "failed") {
            toast.error(`Job ${jobId.slice(0, 8)} failed`, {
              description:
                [renderedText(job), job.error_message].filter(Boolean).join(" ") || undefined,
              action: view,
              duration: 15_000,
            });
          }
        })
        .catch(() => {
          // The dashboard shows the job's state; a missed notice is not worth an error.
        });
    }
  }, [active.data, client, queryClient, navigate]);

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

/** " in 6 s" for a job with both times, else nothing. */
function tookText(job: Job): string {
  const started = parseTimestamp(job.created_at);
  const completed = parseTimestamp(job.completed_at);
  if (!started || !completed) return "";
  return ` in ${formatDuration(completed.getTime() - started.getTime())}`;
}

/** "1 of 2 streams were rendered." from the local engine's progress; nothing from the cloud. */
function renderedText(job: Job): string | null {
  const { progress } = job;
  if (!progress || progress.streams_total < 2) return null;
  return `${progress.streams_done} of ${progress.streams_total} streams were rendered.`;
}
