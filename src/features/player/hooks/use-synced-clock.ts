// Drives several <video> elements from one clock (utils/sync-clock): each animation frame reads
// every video, asks syncTick what each should do, and does it.
import { useCallback, useEffect, useRef, useState } from "react";
import {
  initialClock,
  pauseClock,
  playClock,
  seekClock,
  syncTick,
  totalDurationMs,
  type ClockState,
  type VideoSample,
} from "../utils/sync-clock";

export interface SyncedClock {
  currentMs: number;
  /** The longest video's length; null until one has loaded. */
  durationMs: number | null;
  playing: boolean;
  /** Playing, but held while a video buffers or seeks. */
  waiting: boolean;
  play(): void;
  pause(): void;
  togglePlay(): void;
  seek(ms: number): void;
}

function sample(video: HTMLVideoElement | null): VideoSample {
  if (!video) {
    return {
      currentMs: 0,
      durationMs: null,
      readyState: 0,
      seeking: false,
      paused: true,
      failed: false,
    };
  }
  return {
    currentMs: video.currentTime * 1000,
    durationMs: Number.isFinite(video.duration) ? video.duration * 1000 : null,
    readyState: video.readyState,
    seeking: video.seeking,
    paused: video.paused,
    failed: video.error !== null,
  };
}

function lengthOf(videos: readonly (HTMLVideoElement | null)[]): number {
  return totalDurationMs(videos.map(sample));
}

export function useSyncedClock(videos: readonly (HTMLVideoElement | null)[]): SyncedClock {
  // The clock lives in a ref the frame loop reads and writes; React state only mirrors it.
  const clock = useRef<ClockState>(initialClock);
  const elements = useRef(videos);
  const [view, setView] = useState({
    currentMs: 0,
    durationMs: null as number | null,
    playing: false,
    waiting: false,
  });

  useEffect(() => {
    elements.current = videos;
  }, [videos]);

  useEffect(() => {
    let frame = 0;
    const loop = () => {
      const samples = elements.current.map(sample);
      const tick = syncTick(clock.current, samples, performance.now());
      clock.current = tick.clock;
      tick.plans.forEach((plan, index) => {
        const video = elements.current[index];
        if (!video || video.error) return;
        if (plan.seekToMs !== null) video.currentTime = plan.seekToMs / 1000;
        if (video.playbackRate !== plan.playbackRate) video.playbackRate = plan.playbackRate;
        if (plan.play && video.paused) {
          // A refused play (no data yet) shows as a video that holds back; the next frame sees it.
          void video.play()?.catch(() => undefined);
        } else if (!plan.play && !video.paused) {
          video.pause();
        }
      });
      const total = totalDurationMs(samples);
      const next = {
        currentMs: tick.clockMs,
        durationMs: total > 0 ? total : null,
        playing: tick.clock.playing,
        waiting: tick.waiting,
      };
      setView((previous) =>
        previous.currentMs === next.currentMs &&
        previous.durationMs === next.durationMs &&
        previous.playing === next.playing &&
        previous.waiting === next.waiting
          ? previous
          : next,
      );
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, []);

  const play = useCallback(() => {
    clock.current = playClock(clock.current, performance.now(), lengthOf(elements.current));
  }, []);
  const pause = useCallback(() => {
    clock.current = pauseClock(clock.current, performance.now(), lengthOf(elements.current));
  }, []);
  const togglePlay = useCallback(() => {
    if (clock.current.playing) pause();
    else play();
  }, [play, pause]);
  const seek = useCallback((ms: number) => {
    clock.current = seekClock(clock.current, ms, lengthOf(elements.current));
    // Show the new position at once; the videos follow on the next frame.
    setView((previous) => ({ ...previous, currentMs: ms }));
  }, []);

  return { ...view, play, pause, togglePlay, seek };
}
