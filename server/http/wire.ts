// Engine records as the contract's wire bodies (the SDK's declared shapes), with presigned
// artifact URLs.
import type { FastifyRequest } from "fastify";
import type {
  WireJob,
  WireJobSummary,
  WireRecording,
  WireStreamRecording,
} from "../../src/contract/jobs";
import type { ArtifactKind } from "../artifacts/artifact-files";
import { streamSubject } from "../artifacts/signing";
import type { EngineContext } from "./context";
import type { ProgressCounts } from "../jobs/job-store";
import type { JobRecord, StreamRecord } from "../jobs/job-types";
import { countsOf, streamPercent, toWireProgress } from "../jobs/progress";

export const REGION = "local";

/**
 * The SDK declares `priority: string`. The engine keeps one queue and stores 0 for every job,
 * which reads as "normal"; any other stored number goes out as its digits.
 */
export function wirePriority(priority: number): string {
  return priority === 0 ? "normal" : String(priority);
}

/**
 * Presigned URLs of a stream's files, for the answers to one request. The origin is worked out
 * once per request, not once per stream: a job may have thousands.
 */
export function artifactLinker(ctx: EngineContext, request: FastifyRequest) {
  // The request's Host is one of this server's names (assertAllowedHost), but behind a proxy
  // only ENGINE_PUBLIC_ORIGIN knows the scheme and address its clients use.
  const origin = ctx.config.publicOrigin ?? `${request.protocol}://${request.host}`;
  return (stream: StreamRecord) => {
    if (stream.status !== "completed") {
      return { video_url: null, events_url: null, thumbnail_url: null, preview_url: null };
    }
    const query = ctx.signer.sign(streamSubject(stream.id), ctx.config.urlTtlSeconds);
    const url = (kind: ArtifactKind) => `${origin}/api/artifacts/${stream.id}/${kind}${query}`;
    return {
      video_url: url("video"),
      events_url: url("events"),
      thumbnail_url: url("thumbnail"),
      preview_url: url("preview"),
    };
  };
}

type Linker = ReturnType<typeof artifactLinker>;

function toWireRecordingWith(link: Linker, stream: StreamRecord): WireRecording {
  return {
    stream_id: stream.id,
    ...link(stream),
    frame_count: stream.frameCount,
    duration_seconds: stream.durationSeconds,
  };
}

export function toWireJob(
  ctx: EngineContext,
  request: FastifyRequest,
  job: JobRecord,
  streams: StreamRecord[],
): WireJob {
  const link = artifactLinker(ctx, request);
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
    streams: streams.map((stream) => ({
      ...toWireRecordingWith(link, stream),
      script_index: stream.scriptIndex,
      status: stream.status,
      error_message: stream.errorMessage,
      progress_percent: streamPercent(stream),
    })),
    progress: toWireProgress(countsOf(streams)),
  };
}

export function toWireSummary(job: JobRecord, progress?: ProgressCounts): WireJobSummary {
  return {
    job_id: job.id,
    status: job.status,
    priority: wirePriority(job.priority),
    created_at: job.createdAt,
    completed_at: job.completedAt,
    error_message: job.errorMessage,
    progress: toWireProgress(progress),
  };
}

export function toWireRecording(
  ctx: EngineContext,
  request: FastifyRequest,
  stream: StreamRecord,
): WireRecording {
  return { ...toWireRecordingWith(artifactLinker(ctx, request), stream), job_id: stream.jobId };
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
    job_id: stream.jobId,
  };
}
