// The scroll container's visible slice, updated at most once a frame.
import { type RefObject, useEffect, useState } from "react";

export function useVisibleRange(scrollRef: RefObject<HTMLDivElement | null>) {
  const [range, setRange] = useState({ left: 0, width: 1600 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setRange((prev) =>
        prev.left === el.scrollLeft && prev.width === el.clientWidth
          ? prev
          : { left: el.scrollLeft, width: el.clientWidth },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener("scroll", schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", schedule);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollRef]);
  return range;
}
