// A stream's events file, fetched from its presigned URL: plain fetch, no bearer token, since
// the signature is the permission and the file may be on another origin.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { parseStreamEvents } from "../../../contract/events";

/** An answer other than 2xx; 403 means the presigned URL has expired. */
export class ArtifactHttpError extends Error {
  override name = "ArtifactHttpError";
  constructor(readonly status: number) {
    super(`the server answered ${status}`);
  }
}

export function isExpiredUrlError(error: unknown): boolean {
  return error instanceof ArtifactHttpError && error.status === 403;
}

export async function getStreamEvents(url: string, signal?: AbortSignal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new ArtifactHttpError(response.status);
  // A body that is not JSON is a file this studio cannot read, not an error worth retrying.
  const data: unknown = await response.json().catch(() => undefined);
  return parseStreamEvents(data);
}

export function getStreamEventsQueryOptions(streamId: string, url: string | null) {
  return queryOptions({
    queryKey: ["recordings", streamId, "events", url],
    queryFn: ({ signal }) => getStreamEvents(url ?? "", signal),
    enabled: url !== null,
    // A stream's events never change once it is rendered.
    staleTime: Infinity,
    // Refusals do not get better by asking again; 403 is answered with fresh URLs instead.
    retry: (failures, error) => !(error instanceof ArtifactHttpError) && failures < 2,
  });
}

export function useStreamEvents(streamId: string, url: string | null) {
  return useQuery(getStreamEventsQueryOptions(streamId, url));
}
