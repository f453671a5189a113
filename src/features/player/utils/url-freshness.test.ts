import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Recording } from "../../../contract/jobs";
import {
  decideOnFailure,
  type FreshAction,
  freshUrlsReducer,
  initialFreshUrls,
  initialUrlState,
  needsRefresh,
  URL_KINDS,
  type UrlKind,
} from "./url-freshness";

const recording = (signature: string): Recording => ({
  stream_id: "s1",
  video_url: `/api/artifacts/s1/video?signature=${signature}`,
  events_url: `/api/artifacts/s1/events?signature=${signature}`,
  thumbnail_url: `/api/artifacts/s1/thumbnail?signature=${signature}`,
  preview_url: null,
  frame_count: 25,
  duration_seconds: 1,
});

const old = recording("old");
const fresh = recording("new");
const newer = recording("newer");

function run(actions: FreshAction[], start = initialFreshUrls(old)) {
  return actions.reduce(freshUrlsReducer, start);
}

describe("decideOnFailure", () => {
  it("refreshes a given URL that fails, even before it ever loaded", () => {
    expect(decideOnFailure(initialUrlState("a"), "a")).toBe("refresh");
  });

  it("gives up on a refreshed URL that fails before it loaded", () => {
    const refreshed = { ...initialUrlState("b"), refreshed: true };
    expect(decideOnFailure(refreshed, "b")).toBe("give-up");
  });

  it("refreshes a refreshed URL that worked and expired later", () => {
    const refreshed = { ...initialUrlState("b"), refreshed: true, loaded: true };
    expect(decideOnFailure(refreshed, "b")).toBe("refresh");
  });

  it("ignores late errors of replaced URLs and errors while a refresh is under way", () => {
    expect(decideOnFailure(initialUrlState("b"), "a")).toBe("ignore");
    expect(decideOnFailure(initialUrlState(null), null)).toBe("ignore");
    expect(decideOnFailure({ ...initialUrlState("a"), status: "refreshing" }, "a")).toBe("ignore");
    expect(decideOnFailure({ ...initialUrlState("a"), status: "failed" }, "a")).toBe("ignore");
  });
});

describe("freshUrlsReducer", () => {
  it("swaps only the URL that failed for the refreshed one", () => {
    const state = run([
      { type: "loaded", kind: "video", url: old.video_url! },
      { type: "failed", kind: "events", url: old.events_url! },
    ]);
    expect(needsRefresh(state)).toBe(true);
    const after = freshUrlsReducer(state, { type: "refreshed", recording: fresh });
    expect(after.urls.events).toEqual({
      url: fresh.events_url,
      status: "ready",
      refreshed: true,
      loaded: false,
      retries: 0,
    });
    expect(after.urls.video.url).toBe(old.video_url);
    expect(after.urls.poster.url).toBe(old.thumbnail_url);
    expect(needsRefresh(after)).toBe(false);
  });

  it("gives up when the refreshed URL fails too, and tries again only when asked", () => {
    const failedTwice = run([
      { type: "failed", kind: "video", url: old.video_url! },
      { type: "refreshed", recording: fresh },
      { type: "failed", kind: "video", url: fresh.video_url! },
    ]);
    expect(failedTwice.urls.video.status).toBe("failed");
    expect(needsRefresh(failedTwice)).toBe(false);

    const retried = freshUrlsReducer(failedTwice, { type: "retry" });
    expect(retried.urls.video.status).toBe("refreshing");
    const after = freshUrlsReducer(retried, { type: "refreshed", recording: newer });
    expect(after.urls.video).toMatchObject({ url: newer.video_url, status: "ready", retries: 1 });
    // ...and gives up again, without a refresh of its own, if that fails too.
    const again = freshUrlsReducer(after, { type: "failed", kind: "video", url: newer.video_url! });
    expect(again.urls.video.status).toBe("failed");
  });

  it("loads the same URL again when the person retries, but not on its own", () => {
    const failed = run([
      { type: "failed", kind: "video", url: old.video_url! },
      { type: "refreshed", recording: old },
    ]);
    expect(failed.urls.video.status).toBe("failed");
    const retried = run([{ type: "retry" }, { type: "refreshed", recording: old }], failed);
    expect(retried.urls.video).toMatchObject({ url: old.video_url, status: "ready", retries: 1 });
  });

  it("gives up when refresh rejects or hands back the same URL", () => {
    const failing = run([{ type: "failed", kind: "video", url: old.video_url! }]);
    expect(freshUrlsReducer(failing, { type: "refresh-failed" }).urls.video.status).toBe("failed");
    expect(freshUrlsReducer(failing, { type: "refreshed", recording: old }).urls.video.status).toBe(
      "failed",
    );
  });

  it("keeps a working video when the parent passes new signatures", () => {
    const state = run([
      { type: "loaded", kind: "video", url: old.video_url! },
      { type: "given", recording: fresh },
    ]);
    expect(state.urls.video.url).toBe(old.video_url);
  });

  it("takes the parent's URLs when it had none or had given up", () => {
    const notReady = initialFreshUrls({ ...old, video_url: null });
    expect(
      freshUrlsReducer(notReady, { type: "given", recording: fresh }).urls.video,
    ).toMatchObject({ url: fresh.video_url, status: "ready", refreshed: false });

    const gaveUp = run([
      { type: "failed", kind: "video", url: old.video_url! },
      { type: "refresh-failed" },
      { type: "given", recording: fresh },
    ]);
    expect(gaveUp.urls.video).toMatchObject({ url: fresh.video_url, status: "ready" });
  });

  it("never asks for a refresh again without a load, a new recording or a retry in between", () => {
    // A server that hands out a new link each time, every one of them dead: whatever fails in
    // whatever order, failures and answers alone must settle in "failed", never loop.
    const action = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          type: fc.constant("failed" as const),
          kind: fc.constantFrom<UrlKind>(...URL_KINDS),
          stale: fc.boolean(),
        }),
      },
      { weight: 4, arbitrary: fc.constant({ type: "answer" as const }) },
      { weight: 1, arbitrary: fc.constant({ type: "refresh-failed" as const }) },
    );
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 60, size: "max" }), (actions) => {
        let state = initialFreshUrls(old);
        let refreshes = 0;
        for (const step of actions) {
          if (step.type === "failed") {
            const url = step.stale ? old.video_url! : state.urls[step.kind].url;
            state = freshUrlsReducer(state, { type: "failed", kind: step.kind, url });
          } else if (needsRefresh(state)) {
            refreshes++;
            state = freshUrlsReducer(
              state,
              step.type === "answer"
                ? { type: "refreshed", recording: recording(`n${refreshes}`) }
                : step,
            );
          }
        }
        // Each kind can cause at most one refresh on its own: one per URL kind.
        expect(refreshes).toBeLessThanOrEqual(URL_KINDS.length);
      }),
      { numRuns: 500 },
    );
  });
});
