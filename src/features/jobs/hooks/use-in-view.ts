// Whether an element has come near the viewport, so a list fetches extras (thumbnails) only for
// rows a person can see. Once seen, it stays seen: scrolling back does not fetch again anyway.
import { useEffect, useState } from "react";

export function useInView(element: Element | null, rootMargin = "200px"): boolean {
  // Without IntersectionObserver (old browsers, jsdom) every row counts as seen.
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (!element || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, rootMargin, seen]);
  return seen;
}
