// Whether an element is in the viewport right now (no margin), for parts that are costly to keep
// laid out while nobody can see them.
import { useEffect, useState } from "react";

export function useOnScreen(element: Element | null): boolean {
  // Without IntersectionObserver (old browsers, jsdom) everything counts as on screen.
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) setOnScreen(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return onScreen;
}
