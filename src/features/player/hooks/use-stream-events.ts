// A stream's events file, fetched from its presigned URL: plain fetch, no bearer token, since
// the signature is the permission. A file on another origin that sends no CORS headers (the
// cloud's storage) cannot be read that way: it comes through the studio server's relay instead.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { parseStreamEvents } from "../../../contract/events";
import { isSameOrigin } from "../utils/presigned";
import type { RecordingFileReader } from "../../../api/simulate-client";

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

export async function getStreamEvents(
  url: string,
  signal?: AbortSignal,
  readFile?: RecordingFileReader,
) {
  let text: string;
  if (readFile && !isSameOrigin(url, window.location.origin)) {
    text = await (await readFile("events", { signal })).text();
  } else {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new ArtifactHttpError(response.status);
    text = await response.text();
  }
  // A body that is not JSON is a file this studio cannot read, not an error worth retrying.
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  return parseStreamEvents(data);
}

export function getStreamEventsQueryOptions(
  streamId: string,
  url: string | null,
  readFile?: RecordingFileReader,
) {
  return queryOptions({
    // Read through the relay or straight from the URL: the same file either way, but a
    // reader is a function, so the key names the way rather than the reader.
    queryKey: ["recordings", streamId, "events", url, readFile ? "relay" : "direct"],
    queryFn: ({ signal }) => getStreamEvents(url ?? "", signal, readFile),
    enabled: url !== null,
    // A stream's events never change once it is rendered.
    staleTime: Infinity,
    // Refusals do not get better by asking again; 403 is answered with fresh URLs instead.
    retry: (failures, error) => !(error instanceof ArtifactHttpError) && failures < 2,
  });
}

export function useStreamEvents(
  streamId: string,
  url: string | null,
  readFile?: RecordingFileReader,
) {
  return useQuery(getStreamEventsQueryOptions(streamId, url, readFile));
}
