// "Download all": every stream's video and events of a job as one ZIP, built in the browser by
// client-zip. Files are fetched one at a time as the archive is written, so at most one file's
// bytes are in flight; where the browser can write to a file the person picks
// (`showSaveFilePicker`), the archive streams to disk, else it is saved as a Blob.
import { downloadZip } from "client-zip";
import type { Recording, RecordingFileKind } from "../../../contract/jobs";
import type { RecordingFileReader } from "../../../api/simulate-client";
import { isExpiring, isSameOrigin } from "./presigned";
import { saveBlob } from "./save-video";

export interface ZipStream {
  recording: Recording;
  /** The file name of the stream's video, e.g. "simulate-1a2b3c4d-stream-1.mp4". */
  videoName: string;
  refresh: () => Promise<Recording>;
  readFile?: RecordingFileReader | undefined;
}

export interface ZipEntry {
  stream: ZipStream;
  kind: Extract<RecordingFileKind, "video" | "events">;
  name: string;
}

/** What goes in the archive, in order: each stream's video, then its events when it has them. */
export function zipEntries(streams: readonly ZipStream[]): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (const stream of streams) {
    if (!stream.recording.video_url) continue;
    entries.push({ stream, kind: "video", name: stream.videoName });
    if (stream.recording.events_url) {
      entries.push({ stream, kind: "events", name: eventsName(stream.videoName) });
    }
  }
  return entries;
}

/** "simulate-1a2b3c4d-stream-1.mp4" -> "simulate-1a2b3c4d-stream-1-events.json". */
export function eventsName(videoName: string): string {
  return `${videoName.replace(/\.mp4$/i, "")}-events.json`;
}

/** "Job 1a2b3c4d"'s archive: "simulate-1a2b3c4d.zip". */
export function archiveName(jobId: string): string {
  return `simulate-${jobId.slice(0, 8).replace(/[^\w-]/g, "-")}.zip`;
}

class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}

/** One file's bytes as a streaming Response, through whichever way its server allows. */
export async function openEntry(entry: ZipEntry, signal?: AbortSignal): Promise<Response> {
  const { stream, kind } = entry;
  const field = kind === "video" ? "video_url" : "events_url";
  // The relay reads cloud files the page cannot (no CORS on the storage).
  if (stream.readFile) return new Response(await stream.readFile(kind, { signal }));
  let url = stream.recording[field];
  if (url && isExpiring(url, Date.now())) url = (await stream.refresh())[field];
  if (!url) throw new UnreadableFileError(`${entry.name} is no longer available.`);
  if (!isSameOrigin(url, window.location.origin)) {
    // Without a relay, another origin's storage lets the page read files only if it allows CORS.
    let response: Response;
    try {
      response = await fetch(url, { signal });
    } catch {
      throw new UnreadableFileError(
        "The video's server does not let the studio read its files, so they cannot be zipped " +
          "here: download each stream on its own.",
      );
    }
    if (!response.ok)
      throw new UnreadableFileError(`${entry.name}: the server answered ${response.status}.`);
    return response;
  }
  let response = await fetch(url, { signal });
  if (response.status === 403) {
    const fresh = (await stream.refresh())[field];
    if (!fresh) throw new UnreadableFileError(`${entry.name} is no longer available.`);
    response = await fetch(fresh, { signal });
  }
  if (!response.ok)
    throw new UnreadableFileError(`${entry.name}: the server answered ${response.status}.`);
  return response;
}

/** The archive as a Response whose body is produced as it is read. */
export function zipResponse(
  entries: readonly ZipEntry[],
  options: { signal?: AbortSignal; onEntry?: (index: number) => void } = {},
): Response {
  async function* files() {
    for (const [index, entry] of entries.entries()) {
      options.onEntry?.(index);
      const response = await openEntry(entry, options.signal);
      yield { name: entry.name, input: response, lastModified: new Date() };
    }
  }
  return downloadZip(files());
}

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle>;
}

/** A place on disk the person picked for the archive, or null where the browser has no picker. */
export type ZipTarget = { kind: "file"; handle: FileSystemFileHandle } | { kind: "blob" };

/**
 * Asks where to save before anything is fetched: the picker needs the click's user activation,
 * which an await before it would spend. Null when the person cancelled.
 */
export async function pickZipTarget(fileName: string): Promise<ZipTarget | null> {
  const picker = (window as SaveFilePickerWindow).showSaveFilePicker;
  if (!picker) return { kind: "blob" };
  try {
    const handle = await picker.call(window, {
      suggestedName: fileName,
      types: [{ description: "ZIP archive", accept: { "application/zip": [".zip"] } }],
    });
    return { kind: "file", handle };
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") return null;
    // A picker refused for other reasons (no user activation, a policy): save the usual way.
    return { kind: "blob" };
  }
}

/** Writes the archive to its target; a file being written is removed again when it fails. */
export async function saveZip(
  response: Response,
  target: ZipTarget,
  fileName: string,
): Promise<void> {
  if (target.kind === "blob") {
    saveBlob(await response.blob(), fileName);
    return;
  }
  const writable = await target.handle.createWritable();
  // pipeTo closes the file when the archive ends and aborts it (keeping the old contents, or
  // none) when a file cannot be read.
  await (response.body as ReadableStream<Uint8Array>).pipeTo(writable);
}
