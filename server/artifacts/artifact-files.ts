// Where a stream's files live. Paths are built only from database ids and this fixed list,
// never from request text, so no request can name a file outside the artifact folder.
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";

export const ARTIFACTS = {
  video: { file: "video.mp4", type: "video/mp4" },
  thumbnail: { file: "thumbnail.jpg", type: "image/jpeg" },
  preview: { file: "preview.mp4", type: "video/mp4" },
  events: { file: "events.json", type: "application/json; charset=utf-8" },
} as const;

export type ArtifactKind = keyof typeof ARTIFACTS;

export function isArtifactKind(value: string): value is ArtifactKind {
  return Object.hasOwn(ARTIFACTS, value);
}

export function artifactsRoot(dataDir: string): string {
  return path.join(dataDir, "artifacts");
}

/**
 * Creates the artifact folder readable by this user alone; one made by an older engine is
 * tightened too. Streams' folders and files inside take the process's umask (main.ts).
 */
export function ensureArtifactsRoot(dataDir: string): void {
  const root = artifactsRoot(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  chmodSync(root, 0o700);
}

export function streamDir(dataDir: string, streamId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(streamId)) throw new Error(`not a stream id: ${streamId}`);
  return path.join(artifactsRoot(dataDir), streamId);
}
