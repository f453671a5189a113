// A typed client for one Simulate API root and key: it exchanges the key for a token, renews the
// token before it expires, parses every answer with the contract's schemas and throws only
// ApiError. Each instance is self-contained (no globals), so two targets can live side by side.
import type { z } from "zod";
import {
  type CancelJobResponse,
  cancelJobResponseSchema,
  type CreateJobRequest,
  type CreateJobResponse,
  createJobResponseSchema,
  errorBodySchema,
  type Job,
  type JobList,
  jobListSchema,
  jobSchema,
  type JobStatus,
  type Recording,
  recordingSchema,
  type StreamRecordingList,
  streamRecordingListSchema,
  type TokenResponse,
  tokenResponseSchema,
} from "../contract/jobs";
import type { ApiRoute } from "../contract/routes";
import { ApiError, describeHttpError } from "./api-error";

export interface SimulateClientOptions {
  /** The API root, e.g. "http://127.0.0.1:8787/api" or "https://api.odyssey.ml". */
  root: string;
  apiKey: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface JobListParams {
  status?: JobStatus;
  active?: boolean;
  limit?: number;
  offset?: number;
}

export interface PageParams {
  limit?: number;
  offset?: number;
}

/** Renew this long before the token's end, or at a tenth of its life if that is shorter. */
const RENEW_MARGIN_MS = 60_000;

export function createSimulateClient(options: SimulateClientOptions) {
  const root = normalizeRoot(options.root);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  let token: { value: string; renewAt: number } | null = null;
  // Concurrent calls share one exchange rather than each racing for a token.
  let exchanging: Promise<string> | null = null;

  async function send<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    init: { body?: unknown; auth?: boolean; signal?: AbortSignal } = {},
  ): Promise<T> {
    const request = { method, path: path.split("?")[0] ?? path };
    const headers: Record<string, string> = { accept: "application/json" };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (init.auth !== false) headers.authorization = `Bearer ${await accessToken(init.signal)}`;

    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (error) {
      if (init.signal?.aborted)
        throw new ApiError("aborted", "The request was cancelled.", request);
      throw new ApiError(
        "network",
        `Could not reach ${root}: ${error instanceof Error ? error.message : String(error)}. ` +
          "Check the address and your connection; a server on another origin must also allow this one (CORS).",
        request,
      );
    }

    const text = await response.text().catch(() => "");
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const detail = parsed.success ? parsed.data.detail : text.trim().slice(0, 300) || null;
      const retryAfter = Number(response.headers.get("retry-after"));
      const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
      throw new ApiError(
        "http",
        describeHttpError(response.status, detail, retryAfterSeconds),
        request,
        response.status,
        detail,
        retryAfterSeconds,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      throw new ApiError(
        "invalid-response",
        `The answer to ${method} ${request.path} is not a Simulate API response (${where}${
          issue?.message ?? "unexpected shape"
        }). Is ${root} a Simulate API root?`,
        request,
        response.status,
      );
    }
    return parsed.data;
  }

  async function exchangeToken(requestOptions: RequestOptions = {}): Promise<TokenResponse> {
    const answer = await send("POST", "/auth/token", tokenResponseSchema, {
      body: { api_key: options.apiKey },
      auth: false,
      signal: requestOptions.signal,
    });
    const lifeMs = answer.expires_in * 1000;
    token = {
      value: answer.access_token,
      renewAt: now() + lifeMs - Math.min(RENEW_MARGIN_MS, lifeMs / 10),
    };
    return answer;
  }

  async function accessToken(signal?: AbortSignal): Promise<string> {
    if (token && now() < token.renewAt) return token.value;
    exchanging ??= exchangeToken({ signal })
      .then((answer) => answer.access_token)
      .finally(() => {
        exchanging = null;
      });
    return exchanging;
  }

  /** A call that needs a token; a 401 (a token the server forgot, e.g. after a restart) gets one more try. */
  async function authed<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    init: { body?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    try {
      return await send(method, path, schema, init);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || token === null) throw error;
      token = null;
      return send(method, path, schema, init);
    }
  }

  const client = {
    root,
    /** Exchanges the key for a token: also how "Test connection" checks a key. */
    exchangeToken,
    createJob(
      body: CreateJobRequest,
      requestOptions: RequestOptions = {},
    ): Promise<CreateJobResponse> {
      return authed("POST", "/simulation-jobs", createJobResponseSchema, {
        body,
        signal: requestOptions.signal,
      });
    },
    getJob(jobId: string, requestOptions: RequestOptions = {}): Promise<Job> {
      return authed(
        "GET",
        `/simulation-jobs/${encodeURIComponent(jobId)}`,
        jobSchema,
        requestOptions,
      );
    },
    listJobs(params: JobListParams = {}, requestOptions: RequestOptions = {}): Promise<JobList> {
      return authed("GET", `/simulation-jobs${query(params)}`, jobListSchema, requestOptions);
    },
    cancelJob(jobId: string, requestOptions: RequestOptions = {}): Promise<CancelJobResponse> {
      return authed(
        "DELETE",
        `/simulation-jobs/${encodeURIComponent(jobId)}`,
        cancelJobResponseSchema,
        requestOptions,
      );
    },
    getRecording(streamId: string, requestOptions: RequestOptions = {}): Promise<Recording> {
      return authed(
        "GET",
        `/recordings/${encodeURIComponent(streamId)}`,
        recordingSchema,
        requestOptions,
      );
    },
    listStreamRecordings(
      params: PageParams = {},
      requestOptions: RequestOptions = {},
    ): Promise<StreamRecordingList> {
      return authed(
        "GET",
        `/stream-recordings${query(params)}`,
        streamRecordingListSchema,
        requestOptions,
      );
    },
  };
  return client;
}

export type SimulateClient = ReturnType<typeof createSimulateClient>;

/** One client method per endpoint of the contract: a route without one fails to compile. */
export const CLIENT_METHOD_FOR_ROUTE = {
  "POST /auth/token": "exchangeToken",
  "POST /simulation-jobs": "createJob",
  "GET /simulation-jobs": "listJobs",
  "GET /simulation-jobs/:job_id": "getJob",
  "DELETE /simulation-jobs/:job_id": "cancelJob",
  "GET /recordings/:stream_id": "getRecording",
  "GET /stream-recordings": "listStreamRecordings",
} as const satisfies Record<ApiRoute, keyof SimulateClient>;

/** A root without its trailing slashes, so paths join with exactly one. */
export function normalizeRoot(root: string): string {
  return root.trim().replace(/\/+$/, "");
}

function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
