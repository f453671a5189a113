import { describe, expect, it } from "vitest";
import { describeDuration, describeWait, remainingMs } from "./estimate";

describe("describeWait", () => {
  it("says seconds for a short wait, never rounding a few seconds up to a minute", () => {
    // 0.05 min is the engine's estimate for a 6 s job: it once read "about 1 min".
    expect(describeWait(0.05)).toBe("a few seconds");
    expect(describeWait(0.4)).toBe("about 25 s");
    expect(describeWait(1)).toBe("about 60 s");
    expect(describeWait(2.6)).toBe("about 3 min");
  });

  it("says nothing when there is no wait or it is unknown", () => {
    expect(describeWait(null)).toBeNull();
    expect(describeWait(undefined)).toBeNull();
    expect(describeWait(0)).toBeNull();
    expect(describeWait(Number.NaN)).toBeNull();
    expect(describeDuration(-5)).toBeNull();
  });
});

describe("remainingMs", () => {
  const started = new Date("2030-01-01T00:00:00Z");
  const at = (seconds: number) => started.getTime() + seconds * 1000;

  it("extrapolates the rate the job has rendered at so far", () => {
    expect(remainingMs(25, started, at(6))).toBe(18_000);
    expect(remainingMs(50, started, at(3))).toBe(3000);
  });

  it("is unknown without progress, with too little of it, without a start, or when done", () => {
    expect(remainingMs(null, started, at(6))).toBeNull();
    expect(remainingMs(undefined, started, at(6))).toBeNull();
    expect(remainingMs(2, started, at(6))).toBeNull();
    expect(remainingMs(40, null, at(6))).toBeNull();
    expect(remainingMs(100, started, at(6))).toBeNull();
    expect(remainingMs(40, started, at(0))).toBeNull();
  });
});
