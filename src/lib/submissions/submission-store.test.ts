import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { createSubmissionStore, restoreSubmission, streamCount } from "./submission-store";

const script = [
  { timestamp_ms: 0, start: { prompt: "a" } },
  { timestamp_ms: 1000, end: {} },
  { timestamp_ms: 1000, start: { prompt: "b" } },
  { timestamp_ms: 2000, end: {} },
];

describe("the submission store", () => {
  it("keeps what was sent by root and job id", async () => {
    const store = createSubmissionStore(createStore(`submissions-${Math.random()}`, "by-job"));
    const sent = {
      jobId: "job-1",
      root: "http://127.0.0.1:8787/api",
      names: ["Harbour"],
      scripts: [script],
      portrait: true,
      submittedAt: 5,
    };
    await store.save(sent);
    expect(await store.get(sent.root, "job-1")).toEqual({ version: 1, ...sent });
    expect(await store.get("https://api.odyssey.ml", "job-1")).toBeNull();
    expect(await store.getMany(sent.root, ["nope", "job-1"])).toEqual([
      null,
      { version: 1, ...sent },
    ]);
  });

  it("reads damaged records as unknown and fills missing names", () => {
    expect(restoreSubmission(null)).toBeNull();
    expect(restoreSubmission({ jobId: "x", root: "r", scripts: "no" })).toBeNull();
    expect(
      restoreSubmission({ jobId: "abcdefghij", root: "r", scripts: [script, script] }),
    ).toMatchObject({
      names: ["Script 1 of job abcdefgh", "Script 2 of job abcdefgh"],
      portrait: false,
    });
  });

  it("counts the streams of every script", () => {
    const submission = restoreSubmission({
      jobId: "x",
      root: "r",
      scripts: [script, script.slice(0, 2)],
    });
    expect(submission && streamCount(submission)).toBe(3);
  });
});
