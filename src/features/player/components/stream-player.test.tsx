// @vitest-environment jsdom
// The player against a real engine's recording: its events file and URLs are the real ones.
// jsdom plays no media, so the video's own events (error, loadedmetadata) are fired by hand.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Toaster } from "sonner";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  clientFor,
  type EngineProcess,
  removeDataDir,
  startEngine,
} from "../../../../server/test/engine-process";
import { type Recording, recordingSchema } from "../../../contract/jobs";
import { StreamPlayer } from "./stream-player";

let engine: EngineProcess;
let client: ReturnType<typeof clientFor>;
let recording: Recording;

async function fetchRecording(streamId: string): Promise<Recording> {
  const result = await client.call("GET", `/recordings/${streamId}`);
  expect(result.status).toBe(200);
  return recordingSchema.parse(result.body);
}

beforeAll(async () => {
  engine = await startEngine();
  client = clientFor(engine.api);
  await client.login();
  const created = await client.call("POST", "/simulation-jobs", {
    script: [
      { timestamp_ms: 0, start: { prompt: "a lighthouse" } },
      { timestamp_ms: 400, interact: { prompt: "waves crash" } },
      { timestamp_ms: 1000, interact: { prompt: "fog rolls in" } },
      { timestamp_ms: 1600, end: {} },
    ],
    portrait: false,
  });
  expect(created.status).toBe(200);
  const job = await client.waitFor(created.body.job_id as string, (s) => s === "completed");
  recording = recordingSchema.parse(job.streams[0]);
});

afterAll(async () => {
  await engine?.stop();
  if (engine) removeDataDir(engine.dataDir);
});

// Vitest runs without globals, so Testing Library cannot clean up by itself.
afterEach(cleanup);

function setup(props: { recording: Recording; refresh?: () => Promise<Recording> }) {
  const refresh = vi.fn(props.refresh ?? (() => fetchRecording(props.recording.stream_id)));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <StreamPlayer
        recording={props.recording}
        title="Stream 1"
        downloadName="simulate-test-stream-1.mp4"
        refresh={refresh}
      />
      <Toaster theme="light" />
    </QueryClientProvider>,
  );
  const region = screen.getByRole("region", { name: "Stream 1" });
  const video = within(region).queryByLabelText("Stream 1 video") as HTMLVideoElement;
  return { refresh, region, video, user: userEvent.setup() };
}

/** A real HTTP server for files the engine would never write: expired links, other shapes. */
async function serveFiles(
  files: Record<string, { status: number; body: string }>,
): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const file = files[request.url ?? ""] ?? { status: 404, body: "{}" };
    response.writeHead(file.status, {
      "content-type": "application/json",
      "access-control-allow-origin": "*",
    });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("StreamPlayer", () => {
  it("shows the video with its poster, length and frame count", () => {
    const { region, video } = setup({ recording });
    expect(within(region).getByRole("heading", { name: "Stream 1" })).toBeInTheDocument();
    expect(video.getAttribute("src")).toBe(recording.video_url);
    expect(video.getAttribute("poster")).toBe(recording.thumbnail_url);
    expect(video).toHaveAttribute("controls");
    expect(video).toHaveAttribute("preload", "none");
    expect(within(region).getByText("1.60 s · 40 frames")).toBeInTheDocument();
  });

  it("says when the video is not ready yet", () => {
    const pending: Recording = { stream_id: recording.stream_id, video_url: null };
    const { region, video } = setup({ recording: pending });
    expect(video).toBeNull();
    expect(within(region).getByText("The video is not ready yet.")).toBeInTheDocument();
    expect(within(region).queryByRole("slider")).not.toBeInTheDocument();
    expect(within(region).getByRole("button", { name: "Download" })).toBeDisabled();
  });

  it("marks each prompt of the events file on the scrubber", async () => {
    const { region } = setup({ recording });
    const markers = await within(region).findAllByRole("button", {
      name: /^(Start|Interaction) at/,
    });
    expect(markers.map((m) => m.getAttribute("aria-label"))).toEqual([
      "Start at 0.00 s: a lighthouse",
      "Interaction at 0.40 s: waves crash",
      "Interaction at 1.00 s: fog rolls in",
    ]);
  });

  it("seeks to a marker's time on click, and shows its prompt on hover and focus", async () => {
    const { region, video, user } = setup({ recording });
    const marker = await within(region).findByRole("button", {
      name: "Interaction at 1.00 s: fog rolls in",
    });
    await user.hover(marker);
    expect(within(region).getByRole("tooltip")).toHaveTextContent(
      "Interaction at 1.00 sfog rolls in",
    );
    await user.unhover(marker);
    expect(within(region).queryByRole("tooltip")).not.toBeInTheDocument();

    await user.click(marker);
    expect(video.currentTime).toBeCloseTo(1.0, 6);
    expect(within(region).getByRole("slider", { name: "Seek" })).toHaveAttribute(
      "aria-valuetext",
      "1.00 s of 1.60 s",
    );
    expect(within(region).getByText("On screen:").parentElement).toHaveTextContent(
      "On screen: fog rolls in",
    );

    const other = within(region).getByRole("button", {
      name: "Interaction at 0.40 s: waves crash",
    });
    other.focus();
    await user.keyboard("{Enter}");
    expect(video.currentTime).toBeCloseTo(0.4, 6);
    expect(within(region).getByRole("tooltip")).toHaveTextContent("waves crash");
    await user.keyboard("{Escape}");
    expect(within(region).queryByRole("tooltip")).not.toBeInTheDocument();
  });

  it("never says a prompt is on screen when the video ends before showing it", async () => {
    // The engine takes an interaction at the stream's very end, as the API does, and its
    // events file puts it on frame 40 of a 40-frame video: one after the last.
    const created = await client.call("POST", "/simulation-jobs", {
      script: [
        { timestamp_ms: 0, start: { prompt: "a lighthouse" } },
        { timestamp_ms: 1560, interact: { prompt: "the lamp lights" } },
        { timestamp_ms: 1600, interact: { prompt: "dusk falls" } },
        { timestamp_ms: 1600, end: {} },
      ],
      portrait: false,
    });
    expect(created.status).toBe(200);
    const job = await client.waitFor(created.body.job_id as string, (s) => s === "completed");
    const { region, video, user } = setup({ recording: recordingSchema.parse(job.streams[0]) });

    await user.click(
      await within(region).findByRole("button", { name: "Interaction at 1.56 s: the lamp lights" }),
    );
    expect(within(region).getByText("On screen:").parentElement).toHaveTextContent(
      "On screen: the lamp lights",
    );
    const lost = within(region).getByRole("button", {
      name: "Interaction at 1.60 s, never on screen: dusk falls",
    });
    await user.click(lost);
    expect(video.currentTime).toBeCloseTo(1.6, 6);
    // At the very end the last frame is still the one on screen, with the prompt before.
    expect(within(region).getByText("On screen:").parentElement).toHaveTextContent(
      "On screen: the lamp lights",
    );
    expect(within(region).getByRole("tooltip")).toHaveTextContent(
      "Never on screen: it comes after the video’s last frame.",
    );
  });

  it("moves the playhead with the keyboard", async () => {
    const { region, video, user } = setup({ recording });
    const slider = within(region).getByRole("slider", { name: "Seek" });
    slider.focus();
    await user.keyboard("{End}");
    expect(video.currentTime).toBeCloseTo(1.6, 6);
    await user.keyboard("{ArrowLeft}");
    expect(video.currentTime).toBeCloseTo(1.56, 6);
    expect(slider).toHaveAttribute("aria-valuetext", "1.56 s of 1.60 s");
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    expect(video.currentTime).toBeCloseTo(0.56, 6);
    await user.keyboard("{Home}");
    expect(video.currentTime).toBe(0);
  });

  it("plays and pauses from the seek bar with Space and K", async () => {
    const { region, video, user } = setup({ recording });
    const play = vi.spyOn(video, "play").mockResolvedValue(undefined);
    const pause = vi.spyOn(video, "pause").mockImplementation(() => undefined);
    within(region).getByRole("slider", { name: "Seek" }).focus();
    await user.keyboard(" ");
    expect(play).toHaveBeenCalledTimes(1);
    // jsdom does not play media: say it is playing, as a browser would.
    Object.defineProperty(video, "paused", { configurable: true, get: () => false });
    await user.keyboard("k");
    expect(pause).toHaveBeenCalledTimes(1);
  });

  it("copies the video's link and says it expires", async () => {
    const { region, user } = setup({ recording });
    await user.click(within(region).getByRole("button", { name: "Copy link" }));
    expect(await navigator.clipboard.readText()).toBe(recording.video_url);
    expect(await screen.findByText("Link copied")).toBeInTheDocument();
    expect(screen.getByText(/expires in about an hour/)).toBeInTheDocument();
  });

  it("says so, and throws nothing, when the clipboard refuses", async () => {
    const { region, user } = setup({ recording });
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("Document is not focused.", "NotAllowedError"),
    );
    await user.click(within(region).getByRole("button", { name: "Copy link" }));
    expect(await screen.findByText("Could not copy the link")).toBeInTheDocument();
  });

  it("renews an expired video without losing the place, and asks before trying again", async () => {
    // The engine signs to the second: wait for one to pass, so its fresh URLs differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { region, video, refresh, user } = setup({ recording });
    const play = vi.spyOn(video, "play").mockResolvedValue(undefined);

    fireEvent.play(video);
    video.currentTime = 0.8;
    fireEvent.error(video);
    await waitFor(() => expect(video.getAttribute("src")).not.toBe(recording.video_url));
    expect(refresh).toHaveBeenCalledTimes(1);
    const renewed = video.getAttribute("src");
    expect(renewed).toMatch(/\/api\/artifacts\/[0-9a-f-]+\/video\?expires=\d+&signature=/);
    expect((await fetch(renewed!)).status).toBe(200);
    expect(within(region).queryByRole("alert")).not.toBeInTheDocument();

    // A new src starts from zero; the player puts it back where it was, playing.
    video.currentTime = 0;
    fireEvent.loadedMetadata(video);
    expect(video.currentTime).toBeCloseTo(0.8, 6);
    expect(play).toHaveBeenCalledTimes(1);

    // Had the fresh URL never loaded and failed, it would be given up on; this one loaded, so
    // a failure now is a new expiry. A second one without a load in between is not retried.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    fireEvent.error(video);
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(video.getAttribute("src")).not.toBe(renewed));
    fireEvent.error(video);
    expect(await within(region).findByRole("alert")).toHaveTextContent(
      "The video could not be loaded",
    );
    expect(refresh).toHaveBeenCalledTimes(2);

    // Retry asks once more and loads what it gets, even the same URL (a network blip).
    const load = vi.spyOn(video, "load").mockImplementation(() => {});
    await user.click(within(region).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(within(region).queryByRole("alert")).not.toBeInTheDocument());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("gives up at once, with Retry, when refresh itself fails", async () => {
    const { region, video, refresh } = setup({
      recording,
      refresh: () => Promise.reject(new Error("offline")),
    });
    fireEvent.error(video);
    expect(await within(region).findByRole("alert")).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(within(region).getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(video.getAttribute("src")).toBe(recording.video_url);
  });

  it("fetches expired events again from a fresh URL", async () => {
    const engineEvents = await (await fetch(recording.events_url!)).text();
    const files = await serveFiles({
      "/events?sig=old": { status: 403, body: '{"detail":"This link has expired"}' },
      "/events?sig=new": { status: 200, body: engineEvents },
    });
    try {
      const expired = { ...recording, events_url: files.url("/events?sig=old") };
      const { region, refresh } = setup({
        recording: expired,
        refresh: async () => ({ ...expired, events_url: files.url("/events?sig=new") }),
      });
      expect(
        await within(region).findByRole("button", { name: "Interaction at 0.40 s: waves crash" }),
      ).toBeInTheDocument();
      expect(refresh).toHaveBeenCalledTimes(1);
    } finally {
      await files.close();
    }
  });

  it("plays without markers, and says so, when the events file is not one it can read", async () => {
    const files = await serveFiles({
      "/events": { status: 200, body: JSON.stringify({ timeline: [{ t: 1, what: "prompt" }] }) },
    });
    try {
      const { region, refresh } = setup({
        recording: { ...recording, events_url: files.url("/events") },
      });
      expect(
        await within(region).findByText("Interaction markers are unavailable for this video."),
      ).toBeInTheDocument();
      expect(within(region).queryAllByRole("button", { name: /at \d/ })).toEqual([]);
      expect(within(region).getByRole("slider", { name: "Seek" })).toBeInTheDocument();
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(refresh).not.toHaveBeenCalled();
    } finally {
      await files.close();
    }
  });
});
