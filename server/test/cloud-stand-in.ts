// A stand-in for Odyssey's hosted Simulate API, shaped by the official SDK's declared types
// rather than by our engine: tests point the studio at it to prove it copes with the cloud.
// Wherever those types leave room (string priority, extra fields, a numeric-string
// expires_in, presigned URLs on a second origin without CORS) it takes the other road.
import cors from "@fastify/cors";
import send from "@fastify/send";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { execFile } from "node:child_process";
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export interface CloudStandInOptions {
  host?: string;
  /** 0 picks any free port. */
  apiPort?: number;
  filesPort?: number;
  /** How long a job stays in each of pending, dispatched and processing. */
  stageMs?: number;
  /** Jobs an API key may create before it gets 429. */
  quotaJobs?: number;
  /** Accepted API keys; by default any key that starts with "ody_". */
  keys?: string[];
  now?: () => number;
  /** Life of a presigned file URL. */
  urlTtlSeconds?: number;
}

export type StandInStatus =
  "pending" | "dispatched" | "processing" | "completed" | "failed" | "cancelled";

export interface StandInJobView {
  job_id: string;
  user_id: string;
  status: StandInStatus;
  created_at: string;
  streams: { stream_id: string; script_index: number; duration_ms: number }[];
}

export interface CloudStandIn {
  /** The API root, without a trailing slash; paths sit directly under it, as on the cloud. */
  api: string;
  filesOrigin: string;
  jobs(): StandInJobView[];
  close(): Promise<void>;
}

type Loc = (string | number)[];
interface FieldError {
  type: string;
  loc: Loc;
  msg: string;
}
interface Entry {
  timestamp_ms: number;
  start?: { prompt: string; image?: string };
  interact?: { prompt: string };
  end?: Record<string, never>;
}
interface Stream {
  id: string;
  scriptIndex: number;
  durationMs: number;
  prompts: { type: "start" | "interact"; offsetMs: number; prompt: string }[];
}
interface Job {
  id: string;
  userId: string;
  createdAt: number;
  cancelledAt: number | null;
  portrait: boolean;
  fails: boolean;
  streams: Stream[];
}

const FRAME_MS = 40;
const FILES = {
  "video.mp4": "video/mp4",
  "preview.mp4": "video/mp4",
  "thumbnail.jpg": "image/jpeg",
  "events.json": "application/json",
} as const;
type FileName = keyof typeof FILES;
const ENTRY_KINDS = ["start", "interact", "end"] as const;

// The hosted API is FastAPI: timestamps come from Python's isoformat(), with microseconds and
// "+00:00" where JavaScript would write "Z".
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "000+00:00");
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const fieldError = (type: string, loc: Loc, msg: string): FieldError => ({ type, loc, msg });
const missing = (loc: Loc) => fieldError("missing", loc, "Field required");
const valueError = (loc: Loc, text: string) =>
  fieldError("value_error", loc, `Value error, ${text}`);
const FAILURE = "The world model could not render this script";

/** Validates one script the way a pydantic model would, appending to `errors`. */
function parseScript(raw: unknown, loc: Loc, scriptIndex: number, errors: FieldError[]): Stream[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(fieldError("list_type", loc, "Input should be a non-empty list"));
    return [];
  }
  const before = errors.length;
  raw.forEach((entry: unknown, i) => {
    const at = [...loc, i];
    if (!isObject(entry)) {
      errors.push(fieldError("model_type", at, "Input should be an object"));
      return;
    }
    const ts = entry.timestamp_ms;
    if (ts === undefined) errors.push(missing([...at, "timestamp_ms"]));
    else if (typeof ts !== "number" || !Number.isInteger(ts) || ts < 0) {
      errors.push(
        fieldError("int_type", [...at, "timestamp_ms"], "Input should be an integer >= 0"),
      );
    }
    const kinds = ENTRY_KINDS.filter((kind) => entry[kind] !== undefined && entry[kind] !== null);
    const kind = kinds[0];
    if (kind === undefined || kinds.length > 1) {
      errors.push(valueError(at, "Exactly one of start, interact, or end must be set"));
      return;
    }
    const body = entry[kind];
    if (!isObject(body)) {
      errors.push(fieldError("model_type", [...at, kind], "Input should be an object"));
    } else if (kind !== "end" && typeof body.prompt !== "string") {
      errors.push(missing([...at, kind, "prompt"]));
    } else if (
      kind === "start" &&
      body.image !== undefined &&
      !(typeof body.image === "string" && /^data:image\/(jpeg|png|webp);base64,/.test(body.image))
    ) {
      errors.push(
        valueError([...at, "start", "image"], "image must be a jpeg, png or webp data URL"),
      );
    }
  });
  if (errors.length > before) return [];

  // The entries are well formed; now their order must make start..end pairs.
  const invalid = (at: Loc, text: string): Stream[] => {
    errors.push(valueError(at, text));
    return [];
  };
  const streams: Stream[] = [];
  let open: { startMs: number; stream: Stream } | null = null;
  let lastMs = 0;
  for (const [i, entry] of (raw as Entry[]).entries()) {
    const at = [...loc, i];
    if (entry.timestamp_ms < lastMs) return invalid(at, "timestamps must not decrease");
    lastMs = entry.timestamp_ms;
    if (entry.start) {
      if (open) return invalid(at, "start while a stream is running");
      const stream: Stream = { id: randomUUID(), scriptIndex, durationMs: 0, prompts: [] };
      stream.prompts.push({ type: "start", offsetMs: 0, prompt: entry.start.prompt });
      open = { startMs: entry.timestamp_ms, stream };
    } else if (!open) {
      return invalid(at, "interact or end without a running stream");
    } else if (entry.interact) {
      const offsetMs = entry.timestamp_ms - open.startMs;
      open.stream.prompts.push({ type: "interact", offsetMs, prompt: entry.interact.prompt });
    } else {
      open.stream.durationMs = entry.timestamp_ms - open.startMs;
      if (open.stream.durationMs <= 0) return invalid(at, "a stream must last longer than 0 ms");
      streams.push(open.stream);
      open = null;
    }
  }
  return open ? invalid(loc, "the last stream has no end") : streams;
}

const run = promisify(execFile);

/** One real H.264 MP4 and one JPEG, made once: every stream serves these same bytes. */
async function makeMedia(dir: string): Promise<void> {
  const ffmpeg = ffmpegInstaller.path;
  const quiet = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"];
  const source = ["-f", "lavfi", "-i", "testsrc=size=640x352:rate=25"];
  const h264 = ["-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart"];
  await run(ffmpeg, [...quiet, ...source, "-t", "2", ...h264, path.join(dir, "sample.mp4")]);
  await run(ffmpeg, [...quiet, ...source, "-frames:v", "1", path.join(dir, "thumbnail.jpg")]);
}

// S3 answers errors as XML, and a browser preflight against a bucket without CORS rules with
// 403 CORSResponse.
const s3Error = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply
    .code(status)
    .type("application/xml")
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
        `<RequestId>${randomBytes(8).toString("hex").toUpperCase()}</RequestId></Error>`,
    );

export async function startCloudStandIn(options: CloudStandInOptions = {}): Promise<CloudStandIn> {
  const host = options.host ?? "127.0.0.1";
  const stageMs = options.stageMs ?? 1000;
  const quotaJobs = options.quotaJobs ?? 3;
  const keys = options.keys ? new Set(options.keys) : null;
  const now = options.now ?? Date.now;
  const ttl = options.urlTtlSeconds ?? 3600;
  const secret = randomBytes(32);
  const mediaDir = await mkdtemp(path.join(tmpdir(), "cloud-stand-in-"));

  // Access token -> user id. Tokens never expire here: a test's injected clock may jump hours
  // ahead, while the SDK times its token by the real clock.
  const tokens = new Map<string, string>();
  const jobs: Job[] = [];
  const jobsById = new Map<string, Job>();
  const streamsById = new Map<string, { job: Job; stream: Stream }>();

  try {
    await makeMedia(mediaDir);
  } catch (error) {
    await rm(mediaDir, { recursive: true, force: true });
    throw error;
  }
  const api = Fastify({ logger: false, bodyLimit: 30 * 1024 * 1024 });
  const files = Fastify({ logger: false });
  // Known once listening, which is after every route is declared.
  let filesOrigin = "";

  function stateOf(job: Job) {
    const elapsed = (job.cancelledAt ?? now()) - job.createdAt;
    const stage = Math.min(3, Math.floor(elapsed / stageMs));
    const reached = (n: number) => (stage >= n ? job.createdAt + n * stageMs : null);
    const walk = ["pending", "dispatched", "processing", job.fails ? "failed" : "completed"];
    return {
      status: (job.cancelledAt === null ? walk[stage] : "cancelled") as StandInStatus,
      dispatchedAt: reached(1),
      startedAt: reached(2),
      finishedAt: job.cancelledAt === null ? reached(3) : null,
    };
  }

  // Presigned the way S3's SigV4 query auth looks; the signature is an HMAC over the path and
  // the other parameters, which is all a stand-in needs to tell a forged or edited URL apart.
  const signatureOf = (pathname: string, params: URLSearchParams) => {
    const signed = [...params].filter(([name]) => name !== "X-Amz-Signature");
    const canonical = signed.map(([name, value]) => `${name}=${value}`).join("&");
    return createHmac("sha256", secret).update(`${pathname}\n${canonical}`).digest("hex");
  };
  function presign(streamId: string, file: FileName): string {
    const pathname = `/bucket/${streamId}/${file}`;
    const date = new Date(now()).toISOString().replace(/[-:]|\.\d{3}/g, "");
    const params = new URLSearchParams({
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": `standin/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
      "X-Amz-Date": date,
      "X-Amz-Expires": String(ttl),
      "X-Amz-SignedHeaders": "host",
    });
    params.set("X-Amz-Signature", signatureOf(pathname, params));
    return `${filesOrigin}${pathname}?${params}`;
  }

  function streamView(job: Job, stream: Stream, status: StandInStatus) {
    const done = status === "completed";
    const url = (file: FileName) => (done ? presign(stream.id, file) : null);
    return {
      stream_id: stream.id,
      video_url: url("video.mp4"),
      events_url: url("events.json"),
      thumbnail_url: url("thumbnail.jpg"),
      preview_url: url("preview.mp4"),
      frame_count: Math.round(stream.durationMs / FRAME_MS),
      duration_seconds: stream.durationMs / 1000,
    };
  }

  // ---- API ----
  api.register(cors, {
    origin: "*",
    methods: ["GET", "POST", "DELETE", "OPTIONS"],
    allowedHeaders: ["Authorization", "Content-Type"],
    exposedHeaders: ["Retry-After"],
    optionsSuccessStatus: 204,
  });
  const detail = (reply: FastifyReply, status: number, value: unknown) =>
    reply.code(status).send({ detail: value });
  const unprocessable = (reply: FastifyReply, errors: FieldError[]) => detail(reply, 422, errors);

  // Fastify's own body errors, answered as FastAPI would answer them.
  api.setErrorHandler(
    (error: { code?: string; statusCode?: number; message: string }, _, reply) => {
      const { code = "", statusCode = 500 } = error;
      if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
        return detail(reply, 413, "Request body too large");
      }
      if (code === "FST_ERR_CTP_INVALID_JSON_BODY") {
        return unprocessable(reply, [fieldError("json_invalid", ["body", 0], "JSON decode error")]);
      }
      if (code.startsWith("FST_ERR_CTP")) return unprocessable(reply, [missing(["body"])]);
      return detail(reply, statusCode, statusCode < 500 ? error.message : "Internal Server Error");
    },
  );
  api.setNotFoundHandler((_request, reply) => detail(reply, 404, "Not Found"));

  const users = new WeakMap<FastifyRequest, string>();
  const userOf = (request: FastifyRequest) => users.get(request) as string;
  const open = new Set(["/auth/token", "/health"]);
  api.addHook("onRequest", async (request, reply) => {
    const route = request.routeOptions.url;
    if (request.method === "OPTIONS" || route === undefined || open.has(route)) return;
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const user = token === undefined ? undefined : tokens.get(token);
    if (user === undefined) {
      return reply
        .header("WWW-Authenticate", "Bearer")
        .code(401)
        .send({ detail: "Not authenticated" });
    }
    users.set(request, user);
  });

  api.get("/health", async () => ({ status: "ok" }));

  api.post("/auth/token", async (request, reply) => {
    const body = request.body;
    if (!isObject(body) || body.api_key === undefined) {
      return unprocessable(reply, [missing(["body", "api_key"])]);
    }
    if (typeof body.api_key !== "string") {
      const error = fieldError(
        "string_type",
        ["body", "api_key"],
        "Input should be a valid string",
      );
      return unprocessable(reply, [error]);
    }
    const key = body.api_key;
    const known = keys ? keys.has(key) : key.startsWith("ody_");
    if (!known) return detail(reply, 401, "Invalid API key");
    const token = randomBytes(24).toString("base64url");
    // A user id derived from the key, so answers and introspection never carry the key itself.
    tokens.set(token, `user_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`);
    // Numeric string on purpose: the SDK multiplies it ("3600" * 1e3), so the types allow it.
    return { access_token: token, token_type: "bearer", expires_in: "3600" };
  });

  api.post("/simulation-jobs", async (request, reply) => {
    const body = request.body;
    if (!isObject(body)) return unprocessable(reply, [missing(["body"])]);
    const sources = (["script", "scripts", "script_url"] as const).filter(
      (k) => body[k] !== undefined,
    );
    if (sources.length !== 1) {
      return unprocessable(reply, [
        valueError(["body"], "Exactly one of script, scripts, or script_url must be provided"),
      ]);
    }
    if (sources[0] === "script_url") {
      return unprocessable(reply, [
        valueError(["body", "script_url"], "the cloud stand-in cannot fetch a script_url"),
      ]);
    }
    const errors: FieldError[] = [];
    for (const flag of ["portrait", "output_video", "bypass_vlm_expansion"]) {
      if (body[flag] !== undefined && typeof body[flag] !== "boolean") {
        errors.push(fieldError("bool_type", ["body", flag], "Input should be a valid boolean"));
      }
    }
    // A single script is script 0; a batch keeps each script's index on its streams.
    const scripts = body.script !== undefined ? [body.script] : body.scripts;
    const streams: Stream[] = [];
    if (!Array.isArray(scripts) || scripts.length === 0) {
      errors.push(fieldError("list_type", ["body", "scripts"], "Input should be a non-empty list"));
    } else {
      scripts.forEach((script: unknown, i) => {
        const loc = body.script !== undefined ? ["body", "script"] : ["body", "scripts", i];
        streams.push(...parseScript(script, loc, i, errors));
      });
    }
    if (errors.length > 0) return unprocessable(reply, errors);
    // The SDK documents this flag as needing a privilege and failing without it; nobody here has it.
    if (body.bypass_vlm_expansion === true) {
      return detail(reply, 403, "Prompt expansion bypass requires the expansion bypass privilege");
    }

    const user = userOf(request);
    const used = jobs.filter((job) => job.userId === user).length;
    if (used >= quotaJobs) {
      // Usage limits answer with an object detail, unlike every other error.
      return reply
        .header("Retry-After", "3600")
        .code(429)
        .send({
          detail: {
            error: "MONTHLY_LIMIT_REACHED",
            message: "Monthly simulation limit reached",
            limit: quotaJobs,
            used,
            action: "Upgrade your plan to run more simulations",
          },
        });
    }
    const firstPrompt = streams[0]?.prompts[0]?.prompt ?? "";
    const job: Job = {
      id: randomUUID(),
      userId: user,
      createdAt: now(),
      cancelledAt: null,
      portrait: body.portrait !== false,
      fails: /\bFAIL\b/.test(firstPrompt),
      streams,
    };
    jobs.push(job);
    jobsById.set(job.id, job);
    for (const stream of streams) streamsById.set(stream.id, { job, stream });
    return {
      job_id: job.id,
      status: "pending",
      priority: "normal",
      created_at: iso(job.createdAt),
      estimated_wait_minutes: 1,
      queue_position: 1,
      model: "odyssey-2",
    };
  });

  /** The caller's job, or the hosted API's 404 / 403 already sent. */
  function ownJob(request: FastifyRequest<{ Params: { job_id: string } }>, reply: FastifyReply) {
    const job = jobsById.get(request.params.job_id);
    if (!job) {
      detail(reply, 404, "Simulation job not found");
      return null;
    }
    // Unlike our engine (404 for both), the cloud tells "not yours" apart from "no such job".
    if (job.userId !== userOf(request)) {
      detail(reply, 403, "Not authorized to access this job");
      return null;
    }
    return job;
  }

  api.get<{ Params: { job_id: string } }>("/simulation-jobs/:job_id", async (request, reply) => {
    const job = ownJob(request, reply);
    if (!job) return reply;
    const state = stateOf(job);
    return {
      job_id: job.id,
      status: state.status,
      priority: "normal",
      created_at: iso(job.createdAt),
      dispatched_at: state.dispatchedAt === null ? null : iso(state.dispatchedAt),
      started_at: state.startedAt === null ? null : iso(state.startedAt),
      completed_at: state.finishedAt === null ? null : iso(state.finishedAt),
      error_message: state.status === "failed" ? FAILURE : null,
      assigned_region: state.dispatchedAt === null ? null : "us-east-1",
      retry_count: 0,
      user_id: job.userId,
      portrait: job.portrait,
      streams: job.streams.map((stream) => ({
        ...streamView(job, stream, state.status),
        script_index: stream.scriptIndex,
        user_id: job.userId,
        stream_status: state.status,
      })),
    };
  });

  /** Pagination as the hosted API validates it: limit 1..100 (default 20), offset >= 0. */
  function page(query: Record<string, unknown>, errors: FieldError[]) {
    const read = (name: string, fallback: number, min: number, max: number) => {
      const raw = query[name];
      if (raw === undefined) return fallback;
      const value = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(value)) {
        errors.push(fieldError("int_parsing", ["query", name], "Input should be a valid integer"));
      } else if (value < min || value > max) {
        const msg = `Input should be between ${min} and ${max}`;
        errors.push(
          fieldError(value < min ? "greater_than_equal" : "less_than_equal", ["query", name], msg),
        );
      }
      return value;
    };
    return {
      limit: read("limit", 20, 1, 100),
      offset: read("offset", 0, 0, Number.MAX_SAFE_INTEGER),
    };
  }

  api.get("/simulation-jobs", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const errors: FieldError[] = [];
    const { limit, offset } = page(query, errors);
    if (query.active !== undefined && query.active !== "true" && query.active !== "false") {
      errors.push(
        fieldError("bool_parsing", ["query", "active"], "Input should be a valid boolean"),
      );
    }
    const active = query.active === "true";
    if (errors.length > 0) return unprocessable(reply, errors);
    const user = userOf(request);
    const matching = jobs
      .filter((job) => job.userId === user)
      .map((job) => ({ job, state: stateOf(job) }))
      .filter(({ state }) => !query.status || state.status === query.status)
      .filter(
        ({ state }) => !active || ["pending", "dispatched", "processing"].includes(state.status),
      )
      .reverse(); // newest first: jobs are kept in creation order
    return {
      jobs: matching.slice(offset, offset + limit).map(({ job, state }) => ({
        job_id: job.id,
        status: state.status,
        priority: "normal",
        created_at: iso(job.createdAt),
        completed_at: state.finishedAt === null ? null : iso(state.finishedAt),
        error_message: state.status === "failed" ? FAILURE : null,
        stream_count: job.streams.length,
      })),
      total: matching.length,
      limit,
      offset,
      has_more: offset + limit < matching.length,
    };
  });

  api.delete<{ Params: { job_id: string } }>("/simulation-jobs/:job_id", async (request, reply) => {
    const job = ownJob(request, reply);
    if (!job) return reply;
    const { status } = stateOf(job);
    // The SDK's rule, not our engine's: a job a worker has started can no longer be cancelled.
    if (status !== "pending" && status !== "dispatched") {
      return detail(reply, 400, `Cannot cancel job in ${status} state`);
    }
    job.cancelledAt = now();
    return { job_id: job.id, status: "cancelled", message: "Job cancelled" };
  });

  /** A stream whose recording exists: its job completed, and the caller owns it. */
  function recordedStream(streamId: string, user?: string) {
    const found = streamsById.get(streamId);
    if (!found || (user !== undefined && found.job.userId !== user)) return null;
    return stateOf(found.job).status === "completed" ? found : null;
  }

  api.get<{ Params: { stream_id: string } }>("/recordings/:stream_id", async (request, reply) => {
    const found = recordedStream(request.params.stream_id, userOf(request));
    if (!found) return detail(reply, 404, "Recording not found");
    return { ...streamView(found.job, found.stream, "completed"), job_id: found.job.id };
  });

  api.get("/stream-recordings", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const errors: FieldError[] = [];
    const { limit, offset } = page(query, errors);
    if (errors.length > 0) return unprocessable(reply, errors);
    const user = userOf(request);
    const recordings = jobs
      .filter((job) => job.userId === user && stateOf(job).status === "completed")
      .reverse()
      .flatMap((job) => {
        const { startedAt, finishedAt } = stateOf(job);
        return job.streams.map((stream) => ({
          stream_id: stream.id,
          width: job.portrait ? 704 : 1280,
          height: job.portrait ? 1280 : 704,
          started_at: iso(startedAt as number),
          ended_at: iso(finishedAt as number),
          duration_seconds: stream.durationMs / 1000,
          job_id: job.id,
        }));
      });
    return {
      recordings: recordings.slice(offset, offset + limit),
      total: recordings.length,
      limit,
      offset,
      has_more: offset + limit < recordings.length,
    };
  });

  // ---- Files: presigned object storage, deliberately without any CORS header ----
  files.options("/*", async (_request, reply) =>
    s3Error(reply, 403, "CORSResponse", "CORS is not enabled for this bucket."),
  );
  files.setNotFoundHandler((_request, reply) =>
    s3Error(reply, 404, "NoSuchKey", "The specified key does not exist."),
  );
  files.get<{ Params: { stream_id: string; file: string } }>(
    "/bucket/:stream_id/:file",
    async (request, reply) => {
      const url = new URL(request.url, filesOrigin);
      const params = url.searchParams;
      const given = Buffer.from(params.get("X-Amz-Signature") ?? "", "utf8");
      const expected = Buffer.from(signatureOf(url.pathname, params), "utf8");
      const date = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(params.get("X-Amz-Date") ?? "");
      if (!date || !params.get("X-Amz-Expires") || given.length === 0) {
        return s3Error(reply, 403, "AccessDenied", "Access Denied");
      }
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return s3Error(
          reply,
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        );
      }
      const [, y, mo, d, h, mi, s] = date.map(Number) as number[];
      const signedAt = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
      if (now() > signedAt + Number(params.get("X-Amz-Expires")) * 1000) {
        return s3Error(reply, 403, "AccessDenied", "Request has expired");
      }
      const { stream_id, file } = request.params;
      const found = recordedStream(stream_id);
      if (!found || !(file in FILES)) {
        return s3Error(reply, 404, "NoSuchKey", "The specified key does not exist.");
      }
      if (file === "events.json") {
        reply.header("Content-Type", FILES[file]);
        const { stream } = found;
        return reply.send(
          JSON.stringify({
            stream_id: stream.id,
            fps: 1000 / FRAME_MS,
            duration_ms: stream.durationMs,
            frame_count: Math.round(stream.durationMs / FRAME_MS),
            // Offsets from the stream's own start, not script times: another shape than our engine's.
            events: [
              ...stream.prompts.map((p) => ({
                type: p.type,
                timestamp_ms: p.offsetMs,
                prompt: p.prompt,
              })),
              { type: "end", timestamp_ms: stream.durationMs },
            ],
          }),
        );
      }
      // One sample video serves as every stream's video and preview: a stand-in needs only
      // playable, seekable bytes, not a picture of the prompt.
      const source = file.endsWith(".mp4") ? "/sample.mp4" : "/thumbnail.jpg";
      const result = await send(request.raw, source, {
        root: mediaDir,
        contentType: false,
        cacheControl: false,
      });
      if (result.statusCode === 416) {
        reply.header("Content-Range", result.headers["Content-Range"]);
        return s3Error(reply, 416, "InvalidRange", "The requested range is not satisfiable");
      }
      reply.code(result.statusCode).headers(result.headers).header("Server", "AmazonS3");
      if (result.type === "file" && result.statusCode !== 304) {
        reply.header("Content-Type", FILES[file as FileName]);
      }
      return reply.send(result.stream);
    },
  );

  try {
    await api.listen({ host, port: options.apiPort ?? 0 });
    await files.listen({ host, port: options.filesPort ?? 0 });
  } catch (error) {
    await Promise.allSettled([api.close(), files.close()]);
    await rm(mediaDir, { recursive: true, force: true });
    throw error;
  }
  const advertised = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const origin = (server: typeof api) =>
    `http://${advertised}:${(server.server.address() as AddressInfo).port}`;
  filesOrigin = origin(files);

  return {
    api: origin(api),
    filesOrigin,
    jobs: () =>
      jobs.map((job) => ({
        job_id: job.id,
        user_id: job.userId,
        status: stateOf(job).status,
        created_at: iso(job.createdAt),
        streams: job.streams.map((s) => ({
          stream_id: s.id,
          script_index: s.scriptIndex,
          duration_ms: s.durationMs,
        })),
      })),
    async close() {
      await Promise.allSettled([api.close(), files.close()]);
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
