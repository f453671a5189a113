// The address of the Compare view: which streams, side by side, and where they came from. Made
// by the jobs pages, read by the view, so both live here.

/** Compare plays two to four streams at once: more would not fit a screen or a decoder. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export interface CompareTarget {
  streamIds: string[];
  /** The job the streams belong to, for the way back; absent for a pick from Recordings. */
  jobId: string | null;
}

export function compareParams({ streamIds, jobId }: CompareTarget): URLSearchParams {
  const params = new URLSearchParams({ streams: streamIds.slice(0, MAX_COMPARED).join(",") });
  if (jobId) params.set("job", jobId);
  return params;
}

export function compareHref(target: CompareTarget): string {
  return `/jobs/compare?${compareParams(target)}`;
}

/** The streams named in the address, without blanks or repeats, at most four. */
export function readCompareTarget(params: URLSearchParams): CompareTarget {
  const ids = (params.get("streams") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  return {
    streamIds: [...new Set(ids)].slice(0, MAX_COMPARED),
    jobId: params.get("job") || null,
  };
}
