import { describe, expect, it } from "vitest";
import { streamNames } from "./stream-names";

const stream = (script_index: number) => ({ script_index });

describe("stream names", () => {
  it("numbers a single script's streams in order", () => {
    expect(streamNames({ job_id: "1a2b3c4d-xyz", streams: [stream(0), stream(0)] })).toEqual([
      { title: "Stream 1", downloadName: "simulate-1a2b3c4d-stream-1.mp4" },
      { title: "Stream 2", downloadName: "simulate-1a2b3c4d-stream-2.mp4" },
    ]);
  });

  it("numbers a batch's streams within their script, and files across the job", () => {
    const names = streamNames({ job_id: "job", streams: [stream(0), stream(1), stream(1)] });
    expect(names.map((name) => name.title)).toEqual([
      "Script 1 · Stream 1",
      "Script 2 · Stream 1",
      "Script 2 · Stream 2",
    ]);
    expect(names[2]?.downloadName).toBe("simulate-job-stream-3.mp4");
  });
});
