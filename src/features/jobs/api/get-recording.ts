import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SimulateClient } from "../../../api/simulate-client";
import { recordingKeys } from "./query-keys";

export function getRecordingQueryOptions(client: SimulateClient, streamId: string) {
  return queryOptions({
    queryKey: recordingKeys.detail(client.root, streamId),
    queryFn: ({ signal }) => client.getRecording(streamId, { signal }),
    // Presigned URLs last about an hour; the player asks again when one is refused.
    staleTime: 30 * 60_000,
  });
}

export function useRecording(client: SimulateClient, streamId: string) {
  return useQuery(getRecordingQueryOptions(client, streamId));
}
