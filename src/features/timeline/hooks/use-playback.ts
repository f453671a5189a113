// Runs the playhead in real time while the preview plays, and stops at the script's end.
import { useEffect } from "react";
import { timelineEndMs } from "../model/operations";
import type { DraftStore } from "../store/draft-store";

export function usePlayback(store: DraftStore, playing: boolean) {
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const originMs = store.getState().playheadMs;
    const t0 = performance.now();
    const tick = (now: number) => {
      const { timeline, actions } = store.getState();
      const endMs = timelineEndMs(timeline);
      // From the origin, not frame by frame, so rounding never drifts the clock.
      const next = originMs + (now - t0);
      if (next >= endMs) {
        actions.setPlayhead(endMs);
        actions.setPlaying(false);
        return;
      }
      actions.setPlayhead(next);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store, playing]);
}
