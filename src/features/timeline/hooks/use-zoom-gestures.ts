// Ctrl/⌘ + wheel and two-finger pinch zoom the timeline around the pointer, keeping the time
// under it in place.
import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import type { DraftStore } from "../store/draft-store";
import { useDraftStore } from "../store/use-draft-store";

/** ctrl/cmd + wheel and two-finger pinch zoom around the pointer. */
export function useZoomGestures(scrollRef: RefObject<HTMLDivElement | null>, store: DraftStore) {
  const anchorRef = useRef<{ ms: number; x: number } | null>(null);
  const pxPerSecond = useDraftStore((s) => s.pxPerSecond);

  useLayoutEffect(() => {
    const anchor = anchorRef.current;
    const el = scrollRef.current;
    if (!anchor || !el) return;
    anchorRef.current = null;
    el.scrollLeft = (anchor.ms * pxPerSecond) / 1000 - anchor.x;
  }, [pxPerSecond, scrollRef]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const zoomAround = (clientX: number, factor: number) => {
      const { pxPerSecond: current, actions } = store.getState();
      const x = clientX - el.getBoundingClientRect().left;
      anchorRef.current = { ms: ((el.scrollLeft + x) / current) * 1000, x };
      actions.setZoom(current * factor);
    };
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomAround(event.clientX, Math.exp(-event.deltaY * 0.002));
    };
    const touches = new Map<number, number>();
    let lastDistance = 0;
    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType !== "touch") return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size === 2) {
        const [a, b] = [...touches.values()] as [number, number];
        lastDistance = Math.abs(a - b);
      }
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!touches.has(event.pointerId)) return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size !== 2) return;
      const [a, b] = [...touches.values()] as [number, number];
      const distance = Math.abs(a - b);
      if (lastDistance > 20 && distance > 20) zoomAround((a + b) / 2, distance / lastDistance);
      lastDistance = distance;
    };
    const onPointerUp = (event: PointerEvent) => {
      touches.delete(event.pointerId);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    el.addEventListener("pointerdown", onPointerDown);
    el.addEventListener("pointermove", onPointerMove);
    el.addEventListener("pointerup", onPointerUp);
    el.addEventListener("pointercancel", onPointerUp);
    return () => {
      el.removeEventListener("wheel", onWheel);
      el.removeEventListener("pointerdown", onPointerDown);
      el.removeEventListener("pointermove", onPointerMove);
      el.removeEventListener("pointerup", onPointerUp);
      el.removeEventListener("pointercancel", onPointerUp);
    };
  }, [scrollRef, store]);
}
