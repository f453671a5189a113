// Engine records as the contract's wire bodies (the SDK's declared shapes), with presigned
// artifact URLs.
import type { FastifyRequest } from "fastify";
import type {
  WireJob,
  WireJobStream,
  WireJobSummary,
  WireRecording,
  WireStreamRecording,
} from "../../src/contract/jobs";
import type { ArtifactKind } from "../artifacts/artifact-files";
import type { EngineContext } from "./context";
import type { JobRecord, StreamRecord } from "../jobs/job-types";

export const REGION = "local";

/**
 * The SDK declares `priority: string`. The engine keeps one queue and stores 0 for every job,
 * which reads as "normal"; any other stored number goes out as its digits.
 */
export function wirePriority(priority: number): string {
  return priority === 0 ? "normal" : String(priority);
}

export function artifactUrls(ctx: EngineContext, request: FastifyRequest, stream: StreamRecord) {
  if (stream.status !== "completed") {
    return { video_url: null, events_url: null, thumbnail_url: null, preview_url: null };
  }
  // The request's Host is one of this server's names (assertAllowedHost), but behind a proxy
  // only ENGINE_PUBLIC_ORIGIN knows the scheme and address its clients use.
  const origin = ctx.config.publicOrigin ?? `${request.protocol}://${request.host}`;
  const url = (kind: ArtifactKind) =>
    origin + ctx.signer.sign(`/api/artifacts/${stream.id}/${kind}`, ctx.config.urlTtlSeconds);
  return {
    video_url: url("video"),
    events_url: url("events"),
    thumbnail_url: url("thumbnail"),
    preview_url: url("preview"),
  };
}

export function toWireStream(
  ctx: EngineContext,
  request: FastifyRequest,
  stream: StreamRecord,
): WireJobStream {
  return {
    ...toWireRecording(ctx, request, stream),
    script_index: stream.scriptIndex,
    status: stream.status,
    error_message: stream.errorMessage,
  };
}

export function toWireJob(
  ctx: EngineContext,
  request: FastifyRequest,
  job: JobRecord,
  streams: StreamRecord[],
): WireJob {
  return {
    job_id: job.id,
    status: job.status,
    priority: wirePriority(job.priority),
    created_at: job.createdAt,
    dispatched_at: job.dispatchedAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    error_message: job.errorMessage,
    assigned_region: job.dispatchedAt ? REGION : null,
    retry_count: job.retryCount,
    streams: streams.map((stream) => toWireStream(ctx, request, stream)),
  };
}

export function toWireSummary(job: JobRecord): WireJobSummary {
  return {
    job_id: job.id,
    status: job.status,
    priority: wirePriority(job.priority),
    created_at: job.createdAt,
    completed_at: job.completedAt,
    error_message: job.errorMessage,
  };
}

export function toWireRecording(
  ctx: EngineContext,
  request: FastifyRequest,
  stream: StreamRecord,
): WireRecording {
  return {
    stream_id: stream.id,
    ...artifactUrls(ctx, request, stream),
    frame_count: stream.frameCount,
    duration_seconds: stream.durationSeconds,
  };
}

export function toWireStreamRecording(stream: StreamRecord): WireStreamRecording {
  // The runner records the size and times as a stream completes, and only completed streams
  // are listed: a missing one is a broken database, not a value to send as null.
  const { width, height, startedAt } = stream;
  if (width === null || height === null || startedAt === null) {
    throw new Error(`stream ${stream.id} is listed as a recording but has no size or start`);
  }
  return {
    stream_id: stream.id,
    width,
    height,
    started_at: startedAt,
    ended_at: stream.endedAt,
    duration_seconds: stream.durationSeconds,
  };
}
