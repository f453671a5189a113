// Job creation limit per tenant: a sliding window over the last minute. Kept in memory on
// purpose: forgetting it on restart only ever lets a client through sooner.
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, number[]>();
  return {
    /** Records an attempt; returns seconds to wait when over the limit, else 0. */
    take(key: string): number {
      const t = now();
      const recent = (windows.get(key) ?? []).filter((at) => t - at < 60_000);
      if (recent.length >= perMinute) {
        windows.set(key, recent);
        return Math.max(1, Math.ceil((60_000 - (t - (recent[0] as number))) / 1000));
      }
      recent.push(t);
      windows.set(key, recent);
      return 0;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
