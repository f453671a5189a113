// Serves a stream's files to whoever holds a presigned URL: no bearer token, because a
// <video> element or a download link cannot send one. Range requests come from @fastify/send.
import send from "@fastify/send";
import type { FastifyInstance } from "fastify";
import { ARTIFACTS, isArtifactKind, streamDir } from "../../artifacts/artifact-files";
import { streamSubject } from "../../artifacts/signing";
import type { EngineContext } from "../context";
import { HttpError, notFound } from "../errors";

export function registerArtifactRoute(api: FastifyInstance, ctx: EngineContext): void {
  api.get("/artifacts/:stream_id/:kind", async (request, reply) => {
    const { stream_id, kind } = request.params as { stream_id: string; kind: string };
    const query = request.query as Record<string, unknown>;
    const check = ctx.signer.check(streamSubject(stream_id), query.expires, query.signature);
    if (check === "expired") {
      throw new HttpError(403, "This link has expired: fetch the recording again for a fresh one");
    }
    if (check === "forged") throw new HttpError(403, "This link's signature is not valid");
    // A valid signature was made by us for this stream's files, so these only fail for a stream
    // deleted since; still, never build a path from text we did not check.
    if (!isArtifactKind(kind)) throw notFound("Artifact");
    const stream = ctx.store.getStream(stream_id);
    if (!stream || stream.status !== "completed") throw notFound("Recording");

    const artifact = ARTIFACTS[kind];
    const result = await send(request.raw, `/${artifact.file}`, {
      root: streamDir(ctx.config.dataDir, stream.id),
      dotfiles: "deny",
      etag: true,
      lastModified: true,
      cacheControl: false,
    });
    if (result.type !== "file") throw notFound("Artifact");

    reply.code(result.statusCode);
    reply.headers(result.headers);
    reply.header("Content-Type", artifact.type);
    reply.header("X-Content-Type-Options", "nosniff");
    // The URL carries its own expiry; caches may keep it no longer than the signature lasts.
    reply.header("Cache-Control", "private, max-age=3600");
    if (query.download === "1" || query.download === "true") {
      const extension = artifact.file.slice(artifact.file.lastIndexOf("."));
      const name = `simulate-${stream.jobId.slice(0, 8)}-stream-${stream.position + 1}${kind === "video" ? "" : `-${kind}`}${extension}`;
      reply.header("Content-Disposition", `attachment; filename="${name}"`);
    }
    return reply.send(result.stream);
  });
}
