import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Job } from "../../../contract/jobs";
import type { SimulateClient } from "../../../api/simulate-client";
import { backoffInterval, isActiveStatus } from "../model/polling";
import { jobKeys } from "./query-keys";

const jobInterval = backoffInterval<Job>((job) => isActiveStatus(job.status));

export function getJobQueryOptions(client: SimulateClient, jobId: string) {
  return queryOptions({
    queryKey: jobKeys.detail(client.root, jobId),
    queryFn: ({ signal }) => client.getJob(jobId, { signal }),
    refetchInterval: jobInterval,
    // A finished job never changes again.
    staleTime: (query) =>
      query.state.data && !isActiveStatus(query.state.data.status) ? Infinity : 0,
  });
}

export function useJob(client: SimulateClient, jobId: string) {
  return useQuery(getJobQueryOptions(client, jobId));
}
