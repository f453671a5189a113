// The archive "Download all" builds, read back with an independent ZIP reader.
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Recording, RecordingFileKind } from "../../../contract/jobs";
import { archiveName, eventsName, zipEntries, zipResponse, type ZipStream } from "./download-all";

function recording(streamId: string, over: Partial<Recording> = {}): Recording {
  return {
    stream_id: streamId,
    video_url: `https://storage.invalid/${streamId}.mp4`,
    events_url: `https://storage.invalid/${streamId}.json`,
    thumbnail_url: null,
    preview_url: null,
    frame_count: null,
    duration_seconds: null,
    ...over,
  };
}

/** A stream whose files come through a relay reader, as with Odyssey's cloud. */
function relayed(streamId: string, n: number, over: Partial<Recording> = {}): ZipStream {
  const rec = recording(streamId, over);
  return {
    recording: rec,
    videoName: `simulate-job12345-stream-${n}.mp4`,
    refresh: async () => rec,
    readFile: async (kind: RecordingFileKind) => {
      if (streamId === "broken") throw new Error("the relay answered 502");
      return new Blob([`${kind} of ${streamId}`]);
    },
  };
}

describe("Download all", () => {
  it("names the archive and its files after the job and each stream", () => {
    expect(archiveName("1a2b3c4d-5e6f")).toBe("simulate-1a2b3c4d.zip");
    expect(eventsName("simulate-1a2b3c4d-stream-2.mp4")).toBe(
      "simulate-1a2b3c4d-stream-2-events.json",
    );
    const entries = zipEntries([
      relayed("a", 1),
      relayed("b", 2, { events_url: null }),
      relayed("c", 3, { video_url: null }),
    ]);
    // A stream without a video (failed, or not rendered) has nothing to put in.
    expect(entries.map((entry) => entry.name)).toEqual([
      "simulate-job12345-stream-1.mp4",
      "simulate-job12345-stream-1-events.json",
      "simulate-job12345-stream-2.mp4",
    ]);
  });

  it("writes every file, fetched one after another, into one ZIP", async () => {
    const opened: number[] = [];
    const response = zipResponse(zipEntries([relayed("a", 1), relayed("b", 2)]), {
      onEntry: (index) => opened.push(index),
    });
    // Nothing is fetched before the archive is read: it is made as it is saved.
    expect(opened).toEqual([]);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual([
      "simulate-job12345-stream-1.mp4",
      "simulate-job12345-stream-1-events.json",
      "simulate-job12345-stream-2.mp4",
      "simulate-job12345-stream-2-events.json",
    ]);
    expect(new TextDecoder().decode(files["simulate-job12345-stream-2.mp4"])).toBe("video of b");
    expect(opened).toEqual([0, 1, 2, 3]);
  });

  it("fails the archive, with the reason, when a file cannot be read", async () => {
    const response = zipResponse(zipEntries([relayed("a", 1), relayed("broken", 2)]));
    await expect(response.arrayBuffer()).rejects.toThrow("the relay answered 502");
  });
});
