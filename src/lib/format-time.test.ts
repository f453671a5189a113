import { describe, expect, it } from "vitest";
import { formatDuration, parseTimestamp } from "./format-time";

describe("formatDuration", () => {
  it("writes seconds, minutes and hours", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(4_400)).toBe("4 s");
    expect(formatDuration(65_000)).toBe("1 min 05 s");
    expect(formatDuration(3_725_000)).toBe("1 h 02 min");
    expect(formatDuration(-5)).toBe("0 s");
  });
});

describe("parseTimestamp", () => {
  it("reads ISO times and refuses the rest", () => {
    expect(parseTimestamp("2026-11-25T10:00:00Z")?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(parseTimestamp("yesterday")).toBeNull();
    expect(parseTimestamp(null)).toBeNull();
  });
});
