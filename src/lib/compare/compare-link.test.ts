import { describe, expect, it } from "vitest";
import { compareHref, readCompareTarget } from "./compare-link";

const read = (href: string) => readCompareTarget(new URL(href, "http://x.invalid").searchParams);

describe("compare links", () => {
  it("round-trips the streams and the job", () => {
    const target = { streamIds: ["a-1", "b,2"], jobId: "job 1" };
    expect(read(compareHref({ streamIds: ["a-1", "b2"], jobId: "job 1" }))).toEqual({
      streamIds: ["a-1", "b2"],
      jobId: "job 1",
    });
    // A comma inside an id cannot be told from the separator: ids are the API's, which have none.
    expect(read(compareHref(target)).streamIds).toEqual(["a-1", "b", "2"]);
  });

  it("keeps at most four streams, without blanks or repeats", () => {
    expect(read("/jobs/compare?streams=a,,b,a,c,d,e").streamIds).toEqual(["a", "b", "c", "d"]);
    expect(read("/jobs/compare").streamIds).toEqual([]);
    expect(read("/jobs/compare?streams=a").jobId).toBeNull();
  });
});
