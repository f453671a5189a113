// How often to ask about jobs: every 2 s while something is active, slowing to 10 s while
// answers stop changing, and never once everything is finished. Hidden tabs are paused by
// TanStack Query itself (refetchIntervalInBackground stays false).
import { isTerminalStatus } from "../../../contract/job-status";

export const POLL_FAST_MS = 2_000;
export const POLL_SLOW_MS = 10_000;
/** Answers that may repeat before polling slows: a job often sits a moment in each state. */
const UNCHANGED_BEFORE_BACKOFF = 2;

/**
 * Whether a job may still change. A status the studio does not know (a server may add any) is
 * treated as active, so the job is still followed, with the usual back-off.
 */
export function isActiveStatus(status: string): boolean {
  return !isTerminalStatus(status);
}

/** The next interval, from whether anything is active and how many answers in a row repeated. */
export function pollInterval(active: boolean, unchangedPolls: number): number | false {
  if (!active) return false;
  const extra = Math.max(0, unchangedPolls - UNCHANGED_BEFORE_BACKOFF);
  return Math.min(POLL_SLOW_MS, POLL_FAST_MS * (1 + extra));
}

/** What `refetchInterval` receives, reduced to what the rule reads. */
export interface PolledQuery<T> {
  state: { data: T | undefined; dataUpdateCount: number };
}

/**
 * A `refetchInterval` function. With structural sharing, an answer equal to the last keeps
 * the same reference, so "unchanged" is a reference check; the count of answers since the
 * last change is remembered per query.
 */
export function backoffInterval<T>(isActive: (data: T) => boolean) {
  const lastChange = new WeakMap<object, { data: T | undefined; count: number }>();
  return (query: PolledQuery<T>): number | false => {
    const { data, dataUpdateCount } = query.state;
    if (data === undefined) return false;
    let seen = lastChange.get(query);
    if (!seen || seen.data !== data) {
      seen = { data, count: dataUpdateCount };
      lastChange.set(query, seen);
    }
    return pollInterval(isActive(data), dataUpdateCount - seen.count);
  };
}
