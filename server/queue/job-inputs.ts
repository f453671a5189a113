// Turns a stored job into the render tasks of its streams, in stream order.
import { segmentStreams } from "../../src/contract/segment-streams";
import type { ScriptEntry } from "../../src/contract/script";
import { streamDir } from "../artifacts/artifact-files";
import { checkImageDataUrl } from "../input/images";
import type { StreamRecord } from "../jobs/job-types";
import type { StreamTask } from "./worker-protocol";

export function buildTasks(
  dataDir: string,
  portrait: boolean,
  scripts: ScriptEntry[][],
  streams: StreamRecord[],
): StreamTask[] {
  const segments = scripts.flatMap((script) => segmentStreams(script));
  return streams.map((stream) => {
    const segment = segments[stream.position];
    if (!segment) throw new Error(`stream ${stream.position} of the job has no script segment`);
    const image = segment.image ? checkImageDataUrl(segment.image, "start") : null;
    return {
      outDir: streamDir(dataDir, stream.id),
      input: {
        streamId: stream.id,
        streamNumber: stream.position + 1,
        portrait,
        durationMs: segment.durationMs,
        start: {
          prompt: segment.prompt,
          // Images were checked when the job was accepted; a failure here means a damaged
          // file, and the renderer reports a readable error for it.
          ...(image && {
            image: image.ok
              ? { bytes: image.image.bytes, mime: image.image.mime }
              : { bytes: new Uint8Array(), mime: "image/png" as const },
          }),
        },
        interactions: segment.interactions.map((i) => ({ offsetMs: i.offsetMs, prompt: i.prompt })),
        scriptTimestamps: {
          startMs: segment.startMs,
          interactionsMs: segment.interactions.map((i) => i.timestampMs),
          endMs: segment.endMs,
        },
      },
    };
  });
}

/** The streams of a set of scripts, as the job table stores them. */
export function plannedStreams(
  scripts: ScriptEntry[][],
): { scriptIndex: number; plannedMs: number }[] {
  return scripts.flatMap((script, scriptIndex) =>
    segmentStreams(script).map((segment) => ({ scriptIndex, plannedMs: segment.durationMs })),
  );
}
