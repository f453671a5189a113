// Waits and times left, said no more precisely than they are known: the engine's estimate at
// submit, and on a rendering job the rate its own progress shows. Unknown says nothing.

/** Below this share of a job rendered, the rate so far says too little to extrapolate. */
export const MIN_PERCENT_FOR_ESTIMATE = 5;

/** "a few seconds", "about 25 s", "about 3 min"; null for no wait, or one that is unknown. */
export function describeDuration(ms: number | null | undefined): string | null {
  if (ms == null || !Number.isFinite(ms) || ms <= 0) return null;
  const seconds = ms / 1000;
  if (seconds < 10) return "a few seconds";
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s`;
  return `about ${Math.round(seconds / 60)} min`;
}

/** The wait a server estimated when it took the job (`estimated_wait_minutes`), in words. */
export function describeWait(minutes: number | null | undefined): string | null {
  return minutes == null ? null : describeDuration(minutes * 60_000);
}

/**
 * Time left on a rendering job at the rate it has rendered so far, or null while that rate is
 * unknown (no progress reported, too little of it, or no start time).
 */
export function remainingMs(
  percent: number | null | undefined,
  startedAt: Date | null,
  now: number,
): number | null {
  if (percent == null || startedAt === null) return null;
  if (percent < MIN_PERCENT_FOR_ESTIMATE || percent >= 100) return null;
  const elapsed = now - startedAt.getTime();
  if (elapsed <= 0) return null;
  return (elapsed * (100 - percent)) / percent;
}
