// A typed client for one Simulate API root and key: it exchanges the key for a token, renews the
// token before it expires, parses every answer with the contract's schemas and throws only
// ApiError. Every call goes through `call`, typed by the contract's route table, so a wrong
// body or a missing path parameter fails to compile. Each instance is self-contained (no
// globals), so two targets can live side by side.
import type * as z from "zod/mini";
import type { CreateJobRequest, CreateJobResponse, RecordingFileKind } from "../contract/jobs";
import type { JobStatus } from "../contract/job-status";
import type { AnswerOf, BodyIn, ParamsOf, QueryIn, RouteName } from "../contract/routes";
import { ApiError, describeHttpError } from "./api-error";

/** The route table and schemas, fetched with the first request (./answer-schemas.ts says why). */
const answerSchemas = () => import("./answer-schemas");

export interface SimulateClientOptions {
  /** The API root, e.g. "http://127.0.0.1:8787/api" or "https://api.odyssey.ml". */
  root: string;
  apiKey: string;
  /**
   * Whether the root is the studio server's cloud relay, which also serves a recording's
   * files (`readRecordingFile`) for file hosts that send no CORS headers.
   */
  relayed?: boolean;
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

/** What a call of route N needs: its path parameters, query and body, each where it has them. */
export type CallInput<N extends RouteName> = ([keyof ParamsOf<N>] extends [never]
  ? { params?: undefined }
  : { params: ParamsOf<N> }) &
  ([QueryIn<N>] extends [never] ? { query?: undefined } : { query?: QueryIn<N> }) &
  ([BodyIn<N>] extends [never] ? { body?: undefined } : { body: BodyIn<N> });

/**
 * A created job whose answer could not be fully read: the server made the job (it named its
 * id), so the studio records and follows it, and says what it could not read.
 */
export type CreatedJob = CreateJobResponse & { unreadable: string | null };

/** Reads a recording's file through the studio server's relay (see `readRecordingFile`). */
export type RecordingFileReader = (
  kind: RecordingFileKind,
  options?: RequestOptions & { downloadAs?: string },
) => Promise<Blob>;

// Issues keep the value that failed, so describeIssue can say what came.
const READ_ANSWER = { reportInput: true };

/**
 * An issue in words. zod/mini words none ("Invalid input"), and its English would add 1.3 KB to
 * the first load for this one message; a wrong type, what an answer from something other than
 * the API mostly has, says what was expected and what came, as zod's English does.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_type") return issue.message;
  const { input } = issue;
  const received = input === null ? "null" : Array.isArray(input) ? "array" : typeof input;
  return `Invalid input: expected ${issue.expected}, received ${received}`;
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

  /**
   * One request, answered with a 2xx; anything else (no answer, an error status) becomes the
   * ApiError that says it in words.
   */
  async function fetchOk(
    request: { method: string; path: string },
    url: string,
    init: { headers: Record<string, string>; body?: string; signal?: AbortSignal },
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(url, { method: request.method, ...init });
    } catch (error) {
      if (init.signal?.aborted) {
        throw new ApiError("aborted", "The request was cancelled.", request);
      }
      throw new ApiError(
        "network",
        `Could not reach ${root}: ${error instanceof Error ? error.message : String(error)}. ` +
          "Check the address and your connection; a server on another origin must also allow this one (CORS).",
        request,
      );
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => "");
    const { readErrorBody } = await answerSchemas();
    const detail = readErrorBody(parseJson(text), text);
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

  /** Route N's answer as JSON, not yet checked against its schema. */
  async function fetchAnswer<N extends RouteName>(
    name: N,
    input: CallInput<N>,
    signal: AbortSignal | undefined,
  ): Promise<{ json: unknown; status: number; request: { method: string; path: string } }> {
    const { API, pathOf } = await answerSchemas();
    const route = API[name];
    const path = pathOf(name, input.params);
    const request = { method: route.method, path };
    const headers: Record<string, string> = { accept: "application/json" };
    if (input.body !== undefined) headers["content-type"] = "application/json";
    if (route.auth) headers.authorization = `Bearer ${await accessToken(signal)}`;
    const response = await fetchOk(request, `${root}${path}${query(input.query ?? {})}`, {
      headers,
      ...(input.body !== undefined && { body: JSON.stringify(input.body) }),
      signal,
    });
    const text = await response.text().catch(() => "");
    return { json: parseJson(text), status: response.status, request };
  }

  function unreadable(
    answer: { json: unknown; status: number; request: { method: string; path: string } },
    problem: z.core.$ZodIssue | undefined,
  ): ApiError {
    const where = problem && problem.path.length > 0 ? `${problem.path.join(".")}: ` : "";
    return new ApiError(
      "invalid-response",
      `The answer to ${answer.request.method} ${answer.request.path} is not a Simulate API response (${where}${
        problem ? describeIssue(problem) : "unexpected shape"
      }). Is ${root} a Simulate API root?`,
      answer.request,
      answer.status,
    );
  }

  async function send<N extends RouteName>(
    name: N,
    input: CallInput<N>,
    signal?: AbortSignal,
  ): Promise<AnswerOf<N>> {
    const answer = await fetchAnswer(name, input, signal);
    const { API } = await answerSchemas();
    const parsed = API[name].answer.safeParse(answer.json, READ_ANSWER);
    if (!parsed.success) throw unreadable(answer, parsed.error.issues[0]);
    return parsed.data as AnswerOf<N>;
  }

  async function exchangeToken(requestOptions: RequestOptions = {}) {
    const answer = await send(
      "exchangeToken",
      { body: { api_key: options.apiKey } },
      requestOptions.signal,
    );
    // No lifetime said: keep the token until the server refuses it (a 401 renews it).
    const lifeMs = answer.expires_in === undefined ? Infinity : answer.expires_in * 1000;
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
  async function retried<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || token === null) throw error;
      token = null;
      return attempt();
    }
  }

  /** Route N, authenticated, with its answer parsed. */
  function call<N extends Exclude<RouteName, "exchangeToken">>(
    name: N,
    input: CallInput<N>,
    requestOptions: RequestOptions = {},
  ): Promise<AnswerOf<N>> {
    return retried(() => send(name, input, requestOptions.signal));
  }

  const relayed = options.relayed ?? false;
  const client = {
    root,
    relayed,
    call,
    /** Exchanges the key for a token: also how "Test connection" checks a key. */
    exchangeToken,
    /**
     * Creates a job. An answer that cannot be fully read but names the job's id still means
     * the job exists: reporting it as not submitted would make a retry create a duplicate.
     */
    createJob(body: CreateJobRequest, requestOptions: RequestOptions = {}): Promise<CreatedJob> {
      return retried(async () => {
        const answer = await fetchAnswer("createJob", { body }, requestOptions.signal);
        const { API } = await answerSchemas();
        const parsed = API.createJob.answer.safeParse(answer.json, READ_ANSWER);
        if (parsed.success) return { ...parsed.data, unreadable: null };
        const error = unreadable(answer, parsed.error.issues[0]);
        const jobId = jobIdOf(answer.json);
        if (jobId === null) throw error;
        return {
          job_id: jobId,
          status: "pending",
          created_at: new Date(now()).toISOString(),
          unreadable: error.message,
        };
      });
    },
    getJob(jobId: string, requestOptions?: RequestOptions) {
      return call("getJob", { params: { job_id: jobId } }, requestOptions);
    },
    listJobs(params: JobListParams = {}, requestOptions?: RequestOptions) {
      return call("listJobs", { query: params }, requestOptions);
    },
    cancelJob(jobId: string, requestOptions?: RequestOptions) {
      return call("cancelJob", { params: { job_id: jobId } }, requestOptions);
    },
    getRecording(streamId: string, requestOptions?: RequestOptions) {
      return call("getRecording", { params: { stream_id: streamId } }, requestOptions);
    },
    listStreamRecordings(params: PageParams = {}, requestOptions?: RequestOptions) {
      return call("listStreamRecordings", { query: params }, requestOptions);
    },
    /**
     * One of a recording's files, read through the relay (not a Simulate API route: only the
     * studio's server answers it). The relay looks the recording up with this client's token
     * and streams the file, so the page can read it although its host sends no CORS headers.
     */
    readRecordingFile(
      streamId: string,
      kind: RecordingFileKind,
      requestOptions: RequestOptions & { downloadAs?: string } = {},
    ): Promise<Blob> {
      const search = requestOptions.downloadAs
        ? `?${new URLSearchParams({ download: "1", name: requestOptions.downloadAs })}`
        : "";
      const path = `/recordings/${encodeURIComponent(streamId)}/files/${kind}`;
      const request = { method: "GET", path };
      return retried(async () => {
        const { signal } = requestOptions;
        const authorization = `Bearer ${await accessToken(signal)}`;
        const response = await fetchOk(request, `${root}${path}${search}`, {
          headers: { authorization },
          signal,
        });
        return response.blob();
      });
    },
    /** A reader of one stream's files through the relay, or undefined without one. */
    fileReader(streamId: string): RecordingFileReader | undefined {
      if (!relayed) return undefined;
      return (kind, requestOptions) => client.readRecordingFile(streamId, kind, requestOptions);
    },
  };
  return client;
}

export type SimulateClient = ReturnType<typeof createSimulateClient>;

/** A root without its trailing slashes, so paths join with exactly one. */
export function normalizeRoot(root: string): string {
  return root.trim().replace(/\/+$/, "");
}

function jobIdOf(json: unknown): string | null {
  if (typeof json !== "object" || json === null) return null;
  const id = (json as { job_id?: unknown }).job_id;
  return typeof id === "string" && id.trim() !== "" ? id : null;
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
