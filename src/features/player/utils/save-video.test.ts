// @vitest-environment jsdom
// The new tab a video opens in when its server lets the page neither save nor read it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { saveVideo } from "./save-video";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("saveVideo", () => {
  it("opens a video it cannot read in a new tab that cannot reach back to the studio", async () => {
    // jsdom opens no windows; the spy only records how the studio asked for one.
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    // Nothing listens on port 9, so the page cannot read the file, as with a bucket without CORS.
    const url = "http://127.0.0.1:9/bucket/video.mp4?signature=abc";
    const outcome = await saveVideo(url, "video.mp4", async () => url);
    expect(outcome).toBe("new-tab");
    expect(open).toHaveBeenCalledTimes(1);
    const [opened, target, features] = open.mock.calls[0] ?? [];
    expect([opened, target]).toEqual([url, "_blank"]);
    expect(String(features).split(",")).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
  });
});
