import { queryOptions, useQuery } from "@tanstack/react-query";
import type { JobList } from "../../../contract/jobs";
import type { SimulateClient } from "../../../api/simulate-client";
import { backoffInterval, isActiveStatus } from "../model/polling";
import { type JobListFilters, JOBS_PAGE_SIZE, jobKeys } from "./query-keys";

const listInterval = backoffInterval<JobList>((list) =>
  list.jobs.some((job) => isActiveStatus(job.status)),
);

export function getJobsQueryOptions(client: SimulateClient, filters: JobListFilters) {
  return queryOptions({
    queryKey: jobKeys.list(client.root, filters),
    queryFn: ({ signal }) =>
      client.listJobs(
        {
          status: filters.status,
          active: filters.active || undefined,
          limit: JOBS_PAGE_SIZE,
          offset: filters.page * JOBS_PAGE_SIZE,
        },
        { signal },
      ),
    refetchInterval: listInterval,
  });
}

export function useJobs(client: SimulateClient, filters: JobListFilters) {
  return useQuery({
    ...getJobsQueryOptions(client, filters),
    placeholderData: (previous) => previous,
  });
}
