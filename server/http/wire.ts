// Engine records as the contract's response bodies, with presigned artifact URLs.
import type { FastifyRequest } from "fastify";
import type {
  Job,
  JobStream,
  JobSummary,
  Recording,
  StreamRecording,
} from "../../src/contract/jobs";
import type { ArtifactKind } from "../artifacts/artifact-files";
import type { EngineContext } from "./context";
import type { JobRecord, StreamRecord } from "../jobs/job-types";

export const REGION = "local";

export function artifactUrls(ctx: EngineContext, request: FastifyRequest, stream: StreamRecord) {
  if (stream.status !== "completed") {
    return { video_url: null, events_url: null, thumbnail_url: null, preview_url: null };
  }
  const origin = `${request.protocol}://${request.host}`;
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
): JobStream {
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
): Job {
  return {
    job_id: job.id,
    status: job.status,
    priority: job.priority,
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

export function toWireSummary(job: JobRecord): JobSummary {
  return {
    job_id: job.id,
    status: job.status,
    priority: job.priority,
    created_at: job.createdAt,
    completed_at: job.completedAt,
    error_message: job.errorMessage,
  };
}

export function toWireRecording(
  ctx: EngineContext,
  request: FastifyRequest,
  stream: StreamRecord,
): Recording {
  return {
    stream_id: stream.id,
    ...artifactUrls(ctx, request, stream),
    frame_count: stream.frameCount,
    duration_seconds: stream.durationSeconds,
  };
}

export function toWireStreamRecording(stream: StreamRecord): StreamRecording {
  return {
    stream_id: stream.id,
    width: stream.width,
    height: stream.height,
    started_at: stream.startedAt,
    ended_at: stream.endedAt,
    duration_seconds: stream.durationSeconds,
  };
}
