// A recording's files through the relay. Cloud files live at presigned URLs on a storage
// origin that may send no CORS headers: a <video> can play them, but the page cannot read them
// to save a download under its name or to read the events. The relay looks the recording up
// for this caller, with the caller's own token, and streams the one file it names: it never
// fetches a URL a caller gives it.
import type { FastifyInstance } from "fastify";
import { recordingSchema, type RecordingFileKind } from "../../src/contract/jobs";
import { pathOf } from "../../src/contract/routes";
import type { CloudRelayConfig } from "../config";
import { HttpError } from "../http/errors";
import { fetchUpstream, passThrough } from "./upstream";

const FILE_KINDS: Record<RecordingFileKind, { field: `${RecordingFileKind}_url`; ext: string }> = {
  video: { field: "video_url", ext: ".mp4" },
  preview: { field: "preview_url", ext: ".mp4" },
  thumbnail: { field: "thumbnail_url", ext: ".jpg" },
  events: { field: "events_url", ext: ".json" },
};

function isFileKind(kind: string): kind is RecordingFileKind {
  return Object.hasOwn(FILE_KINDS, kind);
}

/** A file name safe in a header and on any disk: letters, digits, dot, dash, underscore. */
export function safeFileName(wanted: unknown, fallback: string): string {
  const cleaned = typeof wanted === "string" ? wanted.replace(/[^\w.-]+/g, "-").slice(0, 120) : "";
  return /^[\w-]/.test(cleaned) ? cleaned : fallback;
}

/** `GET <relay>/recordings/:stream_id/files/:kind?download=1&name=…` */
export function registerRecordingFiles(
  scope: FastifyInstance,
  { relay, what }: { relay: CloudRelayConfig; what: string },
): void {
  scope.get("/recordings/:stream_id/files/:kind", async (request, reply) => {
    const { stream_id: streamId, kind } = request.params as { stream_id: string; kind: string };
    if (!isFileKind(kind)) {
      throw new HttpError(
        404,
        `A recording has no "${kind}" file: ask for video, preview, thumbnail or events.`,
      );
    }
    const query = request.query as Record<string, unknown>;
    const headers: Record<string, string> = { accept: "application/json" };
    if (request.headers.authorization) headers.authorization = request.headers.authorization;

    const lookup = await fetchUpstream(
      `${relay.root}${pathOf("getRecording", { stream_id: streamId })}`,
      { method: "GET", headers },
      { timeoutMs: relay.timeoutMs, caller: reply, what },
    );
    // A refusal (expired token, someone else's stream) is the cloud's answer: pass it on.
    if (!lookup.ok) return passThrough(reply, lookup);
    const recording = recordingSchema.safeParse(await lookup.json().catch(() => null));
    if (!recording.success) {
      throw new HttpError(
        502,
        `${what} answered the recording look-up with something that is not a recording.`,
      );
    }
    const { field, ext } = FILE_KINDS[kind];
    const url = recording.data[field];
    if (!url) throw new HttpError(404, `Recording ${streamId} has no ${kind} file (yet).`);

    const fileHeaders: Record<string, string> = {};
    // Ranges let a <video> fed from here seek without fetching the whole file.
    if (typeof request.headers.range === "string") fileHeaders.range = request.headers.range;
    const file = await fetchUpstream(
      url,
      { method: "GET", headers: fileHeaders },
      { timeoutMs: relay.timeoutMs, caller: reply, what: `the storage of ${what}` },
    );
    if (!file.ok) {
      throw new HttpError(502, `The storage of ${what} refused the ${kind} file (${file.status}).`);
    }
    const download = query.download === "1" || query.download === "true";
    const name = safeFileName(query.name, `${streamId}-${kind}${ext}`);
    return passThrough(
      reply,
      file,
      download ? { "content-disposition": `attachment; filename="${name}"` } : {},
    );
  });
}
