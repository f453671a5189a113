// The Compare view's one clock. It runs on wall time while playing and freezes while any video
// it is still inside of cannot play on (buffering, seeking, not loaded), so the others wait
// for it; each frame, every video is steered to the clock: small drifts by a nudge of its
// playback rate, large ones (a seek, a video that fell behind) by a seek. A video shorter than
// the clock holds its last frame. Pure, so the rules are tested without a browser.

/** What the clock needs of one video, read from its element each frame. */
export interface VideoSample {
  currentMs: number;
  /** Null until its metadata says. */
  durationMs: number | null;
  /** HTMLMediaElement.readyState: 3 (HAVE_FUTURE_DATA) or more can play on. */
  readyState: number;
  seeking: boolean;
  paused: boolean;
  /** A video that cannot load no longer holds the others back. */
  failed: boolean;
}

export interface ClockState {
  /** Whether the person asked to play. */
  playing: boolean;
  /** The clock's time at `anchorAt`, or its time while frozen. */
  anchorMs: number;
  /** `performance.now()` when the clock last started running, or null while it stands. */
  anchorAt: number | null;
}

export interface VideoPlan {
  play: boolean;
  /** Where to seek the video, or null to leave its position alone. */
  seekToMs: number | null;
  playbackRate: number;
}

export const HAVE_FUTURE_DATA = 3;
/** Drifts below this are not corrected at all (about a frame at 25 fps). */
export const DRIFT_DEAD_ZONE_MS = 40;
/** Drifts above this are seeked away; below, the rate is nudged. */
export const DRIFT_SEEK_MS = 400;
/** The largest rate nudge: 10 % faster or slower is hard to notice. */
export const MAX_RATE_NUDGE = 0.1;
/** A paused video further than this from the clock is seeked to it (half a frame at 25 fps). */
export const PAUSED_TOLERANCE_MS = 20;

export const initialClock: ClockState = { playing: false, anchorMs: 0, anchorAt: null };

/** The longest known length: the clock runs until the last video ends. */
export function totalDurationMs(videos: readonly VideoSample[]): number {
  return videos.reduce((longest, video) => Math.max(longest, video.durationMs ?? 0), 0);
}

/** The clock's time at `now`, never past the end. */
export function clockTimeMs(clock: ClockState, now: number, durationMs: number): number {
  const time = clock.anchorAt === null ? clock.anchorMs : clock.anchorMs + (now - clock.anchorAt);
  return Math.max(0, durationMs > 0 ? Math.min(time, durationMs) : time);
}

/** Whether the clock at `clockMs` is still inside this video (not past its last frame). */
export function isInside(video: VideoSample, clockMs: number): boolean {
  if (video.failed) return false;
  if (video.durationMs === null) return true;
  return clockMs < video.durationMs - DRIFT_DEAD_ZONE_MS;
}

/** A video the clock must wait for: inside it, and unable to play on from where it is. */
export function isHoldingBack(video: VideoSample, clockMs: number): boolean {
  return isInside(video, clockMs) && (video.seeking || video.readyState < HAVE_FUTURE_DATA);
}

/**
 * One frame of the clock: whether it runs, where it stands, and what each video should do.
 * `now` is `performance.now()`.
 */
export function syncTick(
  clock: ClockState,
  videos: readonly VideoSample[],
  now: number,
): { clock: ClockState; clockMs: number; waiting: boolean; plans: VideoPlan[] } {
  const durationMs = totalDurationMs(videos);
  let clockMs = clockTimeMs(clock, now, durationMs);
  let next = clock;

  if (clock.playing && durationMs > 0 && clockMs >= durationMs) {
    // The last video has ended: stop on its last frame.
    next = { playing: false, anchorMs: durationMs, anchorAt: null };
    clockMs = durationMs;
  }
  const waiting = next.playing && videos.some((video) => isHoldingBack(video, clockMs));
  if (next.playing && waiting && next.anchorAt !== null) {
    next = { ...next, anchorMs: clockMs, anchorAt: null };
  } else if (next.playing && !waiting && next.anchorAt === null) {
    next = { ...next, anchorMs: clockMs, anchorAt: now };
  }
  const running = next.playing && !waiting;
  return {
    clock: next,
    clockMs,
    waiting,
    plans: videos.map((video) => planVideo(video, clockMs, running)),
  };
}

/** How one video follows the clock. */
export function planVideo(video: VideoSample, clockMs: number, running: boolean): VideoPlan {
  const hold: VideoPlan = { play: false, seekToMs: null, playbackRate: 1 };
  if (video.failed) return hold;
  // A seek under way is let finish before another is asked for.
  if (video.seeking) return hold;
  const target = video.durationMs === null ? clockMs : Math.min(clockMs, video.durationMs);
  const drift = video.currentMs - target;
  if (!running || !isInside(video, clockMs)) {
    return {
      ...hold,
      seekToMs: Math.abs(drift) > PAUSED_TOLERANCE_MS ? target : null,
    };
  }
  if (Math.abs(drift) > DRIFT_SEEK_MS) return { play: true, seekToMs: target, playbackRate: 1 };
  return { play: true, seekToMs: null, playbackRate: rateFor(drift) };
}

/** A video ahead of the clock plays a little slower, one behind a little faster. */
export function rateFor(driftMs: number): number {
  if (Math.abs(driftMs) <= DRIFT_DEAD_ZONE_MS) return 1;
  const nudge = Math.min(MAX_RATE_NUDGE, Math.abs(driftMs) / 1000);
  return driftMs > 0 ? 1 - nudge : 1 + nudge;
}

/** Play from where the clock stands; from the start again when it stands at the end. */
export function playClock(clock: ClockState, now: number, durationMs: number): ClockState {
  const at = clockTimeMs(clock, now, durationMs);
  const from = durationMs > 0 && at >= durationMs ? 0 : at;
  // Not running yet: the next tick starts it once every video can play.
  return { playing: true, anchorMs: from, anchorAt: null };
}

export function pauseClock(clock: ClockState, now: number, durationMs: number): ClockState {
  return { playing: false, anchorMs: clockTimeMs(clock, now, durationMs), anchorAt: null };
}

/** Moves the clock; playing goes on from there once the videos have seeked. */
export function seekClock(clock: ClockState, ms: number, durationMs: number): ClockState {
  const to = Math.max(0, durationMs > 0 ? Math.min(ms, durationMs) : ms);
  return { ...clock, anchorMs: to, anchorAt: null };
}
