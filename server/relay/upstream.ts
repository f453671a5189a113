// Talking to the cloud for the relay: one request with a deadline for the answer to start, and
// an answer handed back to the caller as it came (status, body, the headers that matter).
import type { FastifyReply } from "fastify";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { HttpError } from "../http/errors";

/** Headers of an answer the caller needs; everything else (cookies, CORS) stays behind. */
const PASSED_HEADERS = [
  "content-type",
  "content-length",
  "content-range",
  "accept-ranges",
  "retry-after",
  "etag",
  "last-modified",
];

/**
 * `fetch` that gives up when no answer has started within `timeoutMs`, and when the caller
 * goes away. Redirects are not followed: the relay goes to the configured root and nowhere else.
 */
export async function fetchUpstream(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: Uint8Array<ArrayBuffer> },
  options: { timeoutMs: number; caller: FastifyReply; what: string },
): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  // The response's close, not the request's: a request closes once its body is read, while
  // the response closes when it is sent or the caller hangs up, and then the cloud can stop.
  const onClose = () => {
    if (!options.caller.raw.writableFinished) controller.abort();
  };
  options.caller.raw.once("close", onClose);
  try {
    return await fetch(url, { ...init, redirect: "manual", signal: controller.signal });
  } catch (error) {
    options.caller.raw.off("close", onClose);
    if (timedOut) {
      throw new HttpError(
        504,
        `${options.what} did not answer within ${Math.round(options.timeoutMs / 1000)} s.`,
      );
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new HttpError(
      502,
      `The studio's server could not reach ${options.what}: ${cause instanceof Error ? cause.message : String(cause)}.`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Sends the upstream answer on unchanged: its status, its body, and its content headers. */
export function passThrough(
  reply: FastifyReply,
  response: Response,
  extraHeaders: Record<string, string> = {},
): FastifyReply {
  reply.code(response.status);
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) reply.header(name, value);
  }
  reply.header("cache-control", "no-store");
  reply.headers(extraHeaders);
  if (response.body === null) return reply.send();
  return reply.send(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>));
}
