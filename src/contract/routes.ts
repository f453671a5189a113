// Every endpoint of the Simulate API, described once: method, path (relative to the API
// root), whether it needs a token, its query and body schemas, the schema a client reads its
// answer with, and the type the engine must send. The engine's route table, the browser
// client and the studio server's cloud relay are all derived from this list, so a route
// without a handler, a handler that answers the wrong shape, or a client call with a wrong
// body fails to compile (Remotion's studio server and client share their routes this way).
import type * as z from "zod/mini";
import {
  cancelJobResponseSchema,
  createJobRequestSchema,
  createJobResponseSchema,
  jobListQuerySchema,
  jobListSchema,
  jobSchema,
  pageQuerySchema,
  recordingSchema,
  streamRecordingListSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  type WireCancelledJob,
  type WireCreatedJob,
  type WireJob,
  type WireJobList,
  type WireRecording,
  type WireStreamRecordingList,
  type WireToken,
} from "./jobs";

export type HttpMethod = "GET" | "POST" | "DELETE";

/** A type carried by a value that holds nothing, so the table can name what a route sends. */
export interface Sends<T> {
  readonly sends?: (value: T) => void;
}
const sends = <T>(): Sends<T> => ({});

interface RouteSpec {
  method: HttpMethod;
  path: string;
  auth: boolean;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  answer: z.ZodMiniType;
  wire: Sends<never>;
}

export const API = {
  exchangeToken: {
    method: "POST",
    path: "/auth/token",
    auth: false,
    body: tokenRequestSchema,
    answer: tokenResponseSchema,
    wire: sends<WireToken>(),
  },
  createJob: {
    method: "POST",
    path: "/simulation-jobs",
    auth: true,
    body: createJobRequestSchema,
    answer: createJobResponseSchema,
    wire: sends<WireCreatedJob>(),
  },
  listJobs: {
    method: "GET",
    path: "/simulation-jobs",
    auth: true,
    query: jobListQuerySchema,
    answer: jobListSchema,
    wire: sends<WireJobList>(),
  },
  getJob: {
    method: "GET",
    path: "/simulation-jobs/:job_id",
    auth: true,
    answer: jobSchema,
    wire: sends<WireJob>(),
  },
  cancelJob: {
    method: "DELETE",
    path: "/simulation-jobs/:job_id",
    auth: true,
    answer: cancelJobResponseSchema,
    wire: sends<WireCancelledJob>(),
  },
  getRecording: {
    method: "GET",
    path: "/recordings/:stream_id",
    auth: true,
    answer: recordingSchema,
    wire: sends<WireRecording>(),
  },
  listStreamRecordings: {
    method: "GET",
    path: "/stream-recordings",
    auth: true,
    query: pageQuerySchema,
    answer: streamRecordingListSchema,
    wire: sends<WireStreamRecordingList>(),
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof API;
export type RouteOf<N extends RouteName> = (typeof API)[N];
export const ROUTE_NAMES = Object.keys(API) as RouteName[];

/** ":job_id" style segments of a path, as a union of their names. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type ParamsOf<N extends RouteName> = Record<ParamNames<RouteOf<N>["path"]>, string>;
export type QueryIn<N extends RouteName> =
  RouteOf<N> extends { query: infer Q extends z.ZodMiniType } ? z.input<Q> : never;
export type QueryOf<N extends RouteName> =
  RouteOf<N> extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : Record<string, never>;
export type BodyIn<N extends RouteName> =
  RouteOf<N> extends { body: infer B extends z.ZodMiniType } ? z.input<B> : never;
export type BodyOf<N extends RouteName> =
  RouteOf<N> extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
/** What a client reads: the lenient parse of the answer. */
export type AnswerOf<N extends RouteName> = z.output<RouteOf<N>["answer"]>;
/** What the engine sends: exactly the SDK's declared shape. */
export type WireOf<N extends RouteName> = RouteOf<N>["wire"] extends Sends<infer T> ? T : never;

/** The path with its parameters filled in, each encoded as one segment. */
export function pathOf(name: RouteName, params: Record<string, string> = {}): string {
  return API[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${name} needs the path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

/**
 * The route a request is for, with its decoded parameters, or null. Parameters are single
 * segments that decode to text without slashes or dots-only names, so a matched path can be
 * rebuilt with `pathOf` and never reaches anywhere else.
 */
export function matchRoute(
  method: string,
  path: string,
): { name: RouteName; params: Record<string, string> } | null {
  const segments = path.split("/");
  for (const name of ROUTE_NAMES) {
    const route = API[name];
    if (route.method !== method.toUpperCase()) continue;
    const pattern = route.path.split("/");
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((part, i) => {
      const segment = segments[i] as string;
      if (!part.startsWith(":")) return part === segment;
      let value: string;
      try {
        value = decodeURIComponent(segment);
      } catch {
        return false;
      }
      if (value === "" || value === "." || value === ".." || /[/\\?#]/.test(value)) return false;
      params[part.slice(1)] = value;
      return true;
    });
    if (matched) return { name, params };
  }
  return null;
}
