// Shared set-up for Vitest. DOM matchers are registered for every file; component tests
// opt into a DOM with a `// @vitest-environment jsdom` docblock, so pure tests stay fast.
import "@testing-library/jest-dom/vitest";
