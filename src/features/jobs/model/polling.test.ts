import { describe, expect, it } from "vitest";
import { backoffInterval, POLL_FAST_MS, POLL_SLOW_MS, pollInterval } from "./polling";

describe("pollInterval", () => {
  it("does not poll when nothing is active", () => {
    expect(pollInterval(false, 0)).toBe(false);
    expect(pollInterval(false, 50)).toBe(false);
  });

  it("polls every 2 s while answers change, then backs off to 10 s", () => {
    const steps = Array.from({ length: 10 }, (_, n) => pollInterval(true, n));
    expect(steps).toEqual([2000, 2000, 2000, 4000, 6000, 8000, 10000, 10000, 10000, 10000]);
    expect(Math.min(...(steps as number[]))).toBe(POLL_FAST_MS);
    expect(Math.max(...(steps as number[]))).toBe(POLL_SLOW_MS);
  });
});

describe("backoffInterval", () => {
  type Data = { status: string };
  const active = (data: Data) => data.status !== "completed";

  it("counts repeated answers per query and starts over on a change", () => {
    const interval = backoffInterval(active);
    const first: Data = { status: "pending" };
    const query = { state: { data: first, dataUpdateCount: 1 } };
    expect(interval(query)).toBe(2000);
    for (let count = 2; count <= 6; count++) query.state.dataUpdateCount = count;
    expect(interval(query)).toBe(8000);

    query.state = { data: { status: "processing" }, dataUpdateCount: 7 };
    expect(interval(query)).toBe(2000);

    const other = { state: { data: first, dataUpdateCount: 1 } };
    expect(interval(other)).toBe(2000);

    query.state = { data: { status: "completed" }, dataUpdateCount: 8 };
    expect(interval(query)).toBe(false);
  });

  it("waits for a first answer", () => {
    expect(backoffInterval(active)({ state: { data: undefined, dataUpdateCount: 0 } })).toBe(false);
  });
});
