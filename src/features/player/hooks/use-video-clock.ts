// The video's position and length as React state, smooth while playing: `timeupdate` fires only
// about four times a second, too coarse for a playhead.
import { useCallback, useEffect, useRef, useState } from "react";

export interface VideoClock {
  currentMs: number;
  /** Null until the video's metadata says. */
  durationMs: number | null;
  playing: boolean;
  seek(ms: number): void;
  /** Plays a paused video, pauses a playing one. */
  togglePlay(): void;
}

export function useVideoClock(video: HTMLVideoElement | null): VideoClock {
  const [currentMs, setCurrentMs] = useState(0);
  const [durationMs, setDurationMs] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const element = useRef<HTMLVideoElement | null>(null);

  useEffect(() => {
    element.current = video;
    if (!video) return;
    let frame = 0;
    const read = () => {
      setCurrentMs(video.currentTime * 1000);
      setDurationMs(Number.isFinite(video.duration) ? video.duration * 1000 : null);
      setPlaying(!video.paused && !video.ended);
    };
    const tick = () => {
      setCurrentMs(video.currentTime * 1000);
      frame = requestAnimationFrame(tick);
    };
    const onPlaying = () => {
      read();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const onStop = () => {
      cancelAnimationFrame(frame);
      read();
    };
    const events = [
      "timeupdate",
      "seeking",
      "seeked",
      "durationchange",
      "loadedmetadata",
      "emptied",
    ];
    for (const type of events) video.addEventListener(type, read);
    video.addEventListener("playing", onPlaying);
    for (const type of ["pause", "ended", "waiting", "error"]) video.addEventListener(type, onStop);
    read();
    return () => {
      cancelAnimationFrame(frame);
      for (const type of events) video.removeEventListener(type, read);
      video.removeEventListener("playing", onPlaying);
      for (const type of ["pause", "ended", "waiting", "error"]) {
        video.removeEventListener(type, onStop);
      }
    };
  }, [video]);

  const seek = useCallback((ms: number) => {
    const video = element.current;
    if (!video) return;
    video.currentTime = ms / 1000;
    // Show the new position at once; the `seeking` event may come a frame later, or never
    // before the video has metadata.
    setCurrentMs(ms);
  }, []);

  const togglePlay = useCallback(() => {
    const video = element.current;
    if (!video) return;
    // A refused play (autoplay rules, no data yet) leaves the video paused, as the controls show.
    if (video.paused || video.ended) void video.play()?.catch(() => undefined);
    else video.pause();
  }, []);

  return { currentMs, durationMs, playing, seek, togglePlay };
}
