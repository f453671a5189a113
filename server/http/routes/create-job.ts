import { inlineScripts, type ValidationIssue } from "../../../src/contract/jobs";
import { formatSeconds } from "../../../src/contract/format";
import type { ScriptEntry } from "../../../src/contract/script";
import { segmentStreams } from "../../../src/contract/segment-streams";
import { validateScript } from "../../../src/contract/validate-script";
import { checkImageDataUrl } from "../../input/images";
import { fetchScriptUrl, ScriptUrlError } from "../../input/script-url";
import { plannedStreams } from "../../queue/job-inputs";
import { principalOf, type RouteHandler } from "../context";
import { HttpError } from "../errors";
import { wirePriority } from "../wire";

/** When the engine has rendered nothing yet: the 2x-real-time speed it is built for. */
const ASSUMED_RENDER_RATIO = 0.5;

export const createJob: RouteHandler<"createJob"> = async (args) => {
  const { ctx, reply, body } = args;
  const principal = principalOf(args);

  if (body.bypass_vlm_expansion && !principal.privileged) {
    throw new HttpError(403, "bypass_vlm_expansion needs a privilege this API key does not have");
  }
  const retryAfter = ctx.rateLimiter.take(principal.tenant);
  if (retryAfter > 0) {
    throw new HttpError(
      429,
      `Too many jobs: at most ${ctx.config.rateLimitPerMinute} a minute per API key. Try again in ${retryAfter} s.`,
      { "Retry-After": String(retryAfter) },
    );
  }

  let scripts: unknown[][];
  let location: (string | number)[][];
  if (body.script_url !== undefined) {
    let fetched: unknown;
    try {
      fetched = await fetchScriptUrl(body.script_url, ctx.config.allowPrivateScriptUrls);
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

  const problems: ValidationIssue[] = [];
  scripts.forEach((script, i) => {
    const at = location[i] ?? ["body"];
    for (const problem of validateScript(script)) {
      problems.push({
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
  if (problems.length === 0) {
    (scripts as ScriptEntry[][]).forEach((script, i) => {
      const at = location[i] ?? ["body"];
      for (const segment of segmentStreams(script)) {
        if (segment.durationMs > ctx.config.maxStreamSeconds * 1000) {
          problems.push({
            loc: [...at, segment.endEntryIndex, "timestamp_ms"],
            msg: `the stream starting at ${formatSeconds(segment.startMs)} lasts ${formatSeconds(segment.durationMs)}; this engine renders streams of at most ${ctx.config.maxStreamSeconds} s`,
            type: "stream-too-long",
          });
        }
        if (segment.image) {
          const checked = checkImageDataUrl(
            segment.image,
            `start at ${formatSeconds(segment.startMs)}`,
          );
          if (!checked.ok) {
            problems.push({
              loc: [...at, segment.startEntryIndex, "start", "image"],
              msg: checked.message,
              type: "image-content",
            });
          }
        }
      }
    });
  }
  if (problems.length > 0) throw new HttpError(422, problems);

  const valid = scripts as ScriptEntry[][];
  const job = ctx.store.createJob({
    tenant: principal.tenant,
    portrait: body.portrait,
    bypassVlm: body.bypass_vlm_expansion ?? false,
    scripts: valid,
    streams: plannedStreams(valid),
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
