// Job creation limits per tenant: jobs and seconds of video in a sliding window over the last
// minute. Counting video matters: one job may ask for an hour. Kept in memory on purpose:
// forgetting it on restart only ever lets a client through sooner.
const WINDOW_MS = 60_000;

export interface RateLimits {
  jobsPerMinute: number;
  videoSecondsPerMinute: number;
}

export interface RateRefusal {
  /** Seconds until the request would be let through. */
  waitSeconds: number;
  limit: "jobs" | "video";
}

export function createRateLimiter(limits: RateLimits, now: () => number = Date.now) {
  const windows = new Map<string, { at: number; seconds: number }[]>();

  function recent(key: string, t: number) {
    const kept = (windows.get(key) ?? []).filter((entry) => t - entry.at < WINDOW_MS);
    // Tenants with nothing recent are forgotten, so rotating keys cannot grow the map.
    if (kept.length === 0) windows.delete(key);
    else windows.set(key, kept);
    return kept;
  }
  const waitFor = (t: number, at: number) => Math.max(1, Math.ceil((WINDOW_MS - (t - at)) / 1000));

  function refusal(key: string, videoSeconds: number, t: number): RateRefusal | null {
    const entries = recent(key, t);
    if (entries.length >= limits.jobsPerMinute) {
      return { waitSeconds: waitFor(t, (entries[0] as { at: number }).at), limit: "jobs" };
    }
    let used = entries.reduce((sum, entry) => sum + entry.seconds, 0);
    // A job alone over the limit is let through on an empty window; the per-job limit bounds it.
    if (entries.length === 0 || used + videoSeconds <= limits.videoSecondsPerMinute) return null;
    for (const entry of entries) {
      used -= entry.seconds;
      if (used + videoSeconds <= limits.videoSecondsPerMinute) {
        return { waitSeconds: waitFor(t, entry.at), limit: "video" };
      }
    }
    return { waitSeconds: waitFor(t, (entries.at(-1) as { at: number }).at), limit: "video" };
  }

  return {
    /** Whether one more job would be refused, before its length is known; records nothing. */
    check(key: string): RateRefusal | null {
      return refusal(key, 0, now());
    },
    /** Records a job of `videoSeconds` unless it is over a limit, which it returns instead. */
    take(key: string, videoSeconds: number): RateRefusal | null {
      const t = now();
      const refused = refusal(key, videoSeconds, t);
      if (!refused)
        windows.set(key, [...(windows.get(key) ?? []), { at: t, seconds: videoSeconds }]);
      return refused;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
