import { inlineScripts, type ValidationIssue } from "../../../src/contract/jobs";
import { formatCount, formatDuration, formatSeconds } from "../../../src/contract/format";
import type { ScriptEntry } from "../../../src/contract/script";
import { segmentStreams } from "../../../src/contract/segment-streams";
import { parseScript } from "../../../src/contract/validate-script";
import { checkImageDataUrl } from "../../input/images";
import { fetchScriptUrl, ScriptUrlError } from "../../input/script-url";
import { plannedStreams } from "../../queue/job-inputs";
import { principalOf, type RouteHandler } from "../context";
import type { EngineConfig } from "../../config";
import { HttpError } from "../errors";
import type { RateRefusal } from "../rate-limit";
import { wirePriority } from "../wire";

/** When the engine has rendered nothing yet: the 2x-real-time speed it is built for. */
const ASSUMED_RENDER_RATIO = 0.5;
/** Problems listed in one 422; the rest are counted, so the answer stays a few KB. */
export const MAX_LISTED_PROBLEMS = 50;

export const createJob: RouteHandler<"createJob"> = async (args) => {
  const { ctx, reply, body } = args;
  const { config } = ctx;
  const principal = principalOf(args);

  if (body.bypass_vlm_expansion && !principal.privileged) {
    throw new HttpError(403, "bypass_vlm_expansion needs a privilege this API key does not have");
  }
  // Before any work: a tenant over its job rate is refused without fetching or checking.
  const early = ctx.rateLimiter.check(principal.tenant);
  if (early) throw rateRefusal(early, config);
  if (body.scripts !== undefined && body.scripts.length > config.maxScripts) {
    throw new HttpError(
      413,
      `The batch has ${formatCount(body.scripts.length)} scripts; this engine takes at most ${config.maxScripts} in one job (ENGINE_MAX_SCRIPTS).`,
    );
  }

  let scripts: unknown[][];
  let location: (string | number)[][];
  if (body.script_url !== undefined) {
    let fetched: unknown;
    try {
      fetched = await fetchScriptUrl(body.script_url, config.allowPrivateScriptUrls);
    } catch (error) {
      if (error instanceof ScriptUrlError)
        throw new HttpError(422, issue(["body", "script_url"], error.message, "script_url"));
      throw error;
    }
    const script =
      typeof fetched === "object" && fetched !== null && "script" in fetched
        ? (fetched as { script: unknown }).script
        : fetched;
    scripts = [script as unknown[]];
    location = [["body", "script_url"]];
  } else {
    scripts = inlineScripts(body);
    location =
      body.script !== undefined
        ? [["body", "script"]]
        : scripts.map((_, i) => ["body", "scripts", i]);
  }

  const problems = problemList();
  const valid: ScriptEntry[][] = [];
  scripts.forEach((script, i) => {
    const at = location[i] ?? ["body"];
    const parsed = parseScript(script);
    if (parsed.ok) {
      valid.push(parsed.script);
      return;
    }
    for (const problem of parsed.problems) {
      problems.add({
        loc: [
          ...at,
          ...(problem.index === null ? [] : [problem.index]),
          ...(problem.field?.split(".") ?? []),
        ],
        msg: problem.message,
        type: problem.code,
      });
    }
  });
  if (problems.count === 0) {
    valid.forEach((script, i) => {
      const at = location[i] ?? ["body"];
      for (const segment of segmentStreams(script)) {
        if (segment.durationMs > config.maxStreamSeconds * 1000) {
          problems.add({
            loc: [...at, segment.endEntryIndex, "timestamp_ms"],
            msg: `the stream starting at ${formatSeconds(segment.startMs)} lasts ${formatSeconds(segment.durationMs)}; this engine renders streams of at most ${config.maxStreamSeconds} s`,
            type: "stream-too-long",
          });
        }
        if (segment.image) {
          const checked = checkImageDataUrl(
            segment.image,
            `start at ${formatSeconds(segment.startMs)}`,
          );
          if (!checked.ok) {
            problems.add({
              loc: [...at, segment.startEntryIndex, "start", "image"],
              msg: checked.message,
              type: "image-content",
            });
          }
        }
      }
    });
  }
  if (problems.count > 0) throw new HttpError(422, problems.detail());

  // The job's size, then the tenant's share of the queue and of the last minute.
  const streams = plannedStreams(valid);
  const mediaMs = streams.reduce((sum, stream) => sum + stream.plannedMs, 0);
  const mediaSeconds = Math.ceil(mediaMs / 1000);
  // Every poll of a job lists all its streams with four signed URLs each: this keeps a poll
  // of the largest job a few hundred KB and a few milliseconds.
  if (streams.length > config.maxJobStreams) {
    throw new HttpError(
      413,
      `The job has ${formatCount(streams.length)} streams; this engine takes at most ${formatCount(config.maxJobStreams)} in one job (ENGINE_MAX_JOB_STREAMS).`,
    );
  }
  if (mediaSeconds > config.maxJobSeconds) {
    throw new HttpError(
      413,
      `The job asks for ${formatDuration(mediaMs)} of video; this engine takes at most ${formatDuration(config.maxJobSeconds * 1000)} in one job (ENGINE_MAX_JOB_SECONDS).`,
    );
  }
  const queuedMs = ctx.store.queuedMediaMs(principal.tenant);
  if (queuedMs + mediaMs > config.maxQueuedSeconds * 1000) {
    // A full queue empties as it renders: a 429 says to come back, not that the job is wrong.
    throw new HttpError(
      429,
      `This API key already has ${formatDuration(queuedMs)} of video waiting or rendering; with this job's ${formatDuration(mediaMs)} it would pass the ${formatDuration(config.maxQueuedSeconds * 1000)} a key may queue (ENGINE_MAX_QUEUED_SECONDS). Submit it when some of those jobs are done.`,
      { "Retry-After": "60" },
    );
  }
  const refused = ctx.rateLimiter.take(principal.tenant, mediaSeconds);
  if (refused) throw rateRefusal(refused, config);

  const job = ctx.store.createJob({
    tenant: principal.tenant,
    portrait: body.portrait,
    bypassVlm: body.bypass_vlm_expansion ?? false,
    scripts: valid,
    streams,
  });
  ctx.runner.pump();

  const ratio = ctx.store.recentRenderRatio() ?? ASSUMED_RENDER_RATIO;
  const waitMs = (ctx.store.mediaMsAhead(job.seq) * ratio) / ctx.runner.workers;
  reply.code(200);
  return {
    job_id: job.id,
    status: "pending",
    priority: wirePriority(job.priority),
    created_at: job.createdAt,
    estimated_wait_minutes: Math.round((waitMs / 60_000) * 100) / 100,
  };
};

function issue(loc: (string | number)[], msg: string, type: string): ValidationIssue[] {
  return [{ loc, msg, type }];
}

/** The first MAX_LISTED_PROBLEMS problems, and how many more there were. */
function problemList() {
  const listed: ValidationIssue[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(problem: ValidationIssue) {
      count++;
      if (listed.length < MAX_LISTED_PROBLEMS) listed.push(problem);
    },
    detail(): ValidationIssue[] {
      const more = count - listed.length;
      if (more === 0) return listed;
      return [
        ...listed,
        {
          loc: ["body"],
          msg: `and ${formatCount(more)} more problem${more === 1 ? "" : "s"} not listed`,
          type: "more-problems",
        },
      ];
    },
  };
}

function rateRefusal(refused: RateRefusal, config: EngineConfig): HttpError {
  const said =
    refused.limit === "jobs"
      ? `Too many jobs: at most ${config.rateLimitPerMinute} a minute per API key (ENGINE_RATE_LIMIT_PER_MINUTE).`
      : `Too much video: at most ${formatDuration(config.rateLimitVideoSecondsPerMinute * 1000)} of video a minute per API key (ENGINE_RATE_LIMIT_VIDEO_SECONDS_PER_MINUTE).`;
  return new HttpError(429, `${said} Try again in ${refused.waitSeconds} s.`, {
    "Retry-After": String(refused.waitSeconds),
  });
}
