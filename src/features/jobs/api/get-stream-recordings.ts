import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SimulateClient } from "../../../api/simulate-client";
import { JOBS_PAGE_SIZE, recordingKeys } from "./query-keys";

export function getStreamRecordingsQueryOptions(client: SimulateClient, page: number) {
  return queryOptions({
    queryKey: recordingKeys.list(client.root, page),
    queryFn: ({ signal }) =>
      client.listStreamRecordings(
        { limit: JOBS_PAGE_SIZE, offset: page * JOBS_PAGE_SIZE },
        { signal },
      ),
  });
}

export function useStreamRecordings(client: SimulateClient, page: number) {
  return useQuery({
    ...getStreamRecordingsQueryOptions(client, page),
    placeholderData: (previous) => previous,
  });
}
