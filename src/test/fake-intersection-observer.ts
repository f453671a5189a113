// An IntersectionObserver a test moves by hand, since jsdom has none (and no layout to drive one):
// `stubIntersectionObserver()` in a beforeEach, then `showElement(element, true)` brings it into
// view and `showElement(element, false)` takes it out.
import { act } from "@testing-library/react";
import { vi } from "vitest";

const observers: { callback: IntersectionObserverCallback; elements: Set<Element> }[] = [];

export function stubIntersectionObserver(): void {
  observers.length = 0;
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      private record: (typeof observers)[number];
      constructor(callback: IntersectionObserverCallback) {
        this.record = { callback, elements: new Set() };
        observers.push(this.record);
      }
      observe(element: Element) {
        this.record.elements.add(element);
      }
      unobserve(element: Element) {
        this.record.elements.delete(element);
      }
      disconnect() {
        this.record.elements.clear();
      }
    },
  );
}

export function showElement(element: Element, isIntersecting = true): void {
  for (const observer of observers) {
    if (!observer.elements.has(element)) continue;
    const entry = { isIntersecting, target: element } as IntersectionObserverEntry;
    act(() => observer.callback([entry], {} as IntersectionObserver));
  }
}
