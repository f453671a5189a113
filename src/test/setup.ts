// Shared set-up for Vitest. DOM matchers are registered for every file; component tests
// opt into a DOM with a `// @vitest-environment jsdom` docblock, so pure tests stay fast.
import "@testing-library/jest-dom/vitest";

// jsdom has no layout, so it has no ResizeObserver: components that watch their size get one
// that never fires, as nothing in jsdom ever resizes.
if (typeof window !== "undefined" && typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
