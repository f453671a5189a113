// How long a connection may take over each part of its life, and how many may be open at once,
// so slow or idle clients cannot hold the server's sockets and file descriptors for ever.
import type { FastifyServerOptions } from "fastify";
import type { Socket } from "node:net";
import type { EngineConfig } from "../config";

/** An idle keep-alive connection is closed after this long (Node's own default). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** The request line and headers must arrive within this long (or the request timeout, if less). */
export const HEADERS_TIMEOUT_MS = 10_000;
/** A connection on which nothing moves, either way, for this long is closed. */
export const IDLE_SOCKET_TIMEOUT_MS = 120_000;
// Node checks the header and request timeouts only this often (30 s unless told), so a late
// request can outlive its timeout by up to this much.
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface ConnectionOptions {
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionTimeout: number;
  http: { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number };
  clientErrorHandler: NonNullable<FastifyServerOptions["clientErrorHandler"]>;
}

export function connectionOptions(config: EngineConfig): ConnectionOptions {
  const requestTimeout = config.requestTimeoutMs;
  const seconds = Math.round(requestTimeout / 1000);
  return {
    requestTimeout,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // Silence while the relay waits for the cloud to start answering is not idleness.
    connectionTimeout: Math.max(IDLE_SOCKET_TIMEOUT_MS, (config.cloudRelay?.timeoutMs ?? 0) * 2),
    // Given at creation too: Node refuses a headers timeout longer than the request timeout.
    http: {
      requestTimeout,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    clientErrorHandler: (error, socket) => answerClientError(error, socket, seconds),
  };
}

/** Fastify's own answer to a broken or late request, with the 408 in words. */
function answerClientError(error: Error & { code?: string }, socket: Socket, seconds: number) {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, detail] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [
          "408 Request Timeout",
          `The request did not arrive in full within ${seconds} s (ENGINE_REQUEST_TIMEOUT_SECONDS); send it again.`,
        ]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? ["431 Request Header Fields Too Large", "The request's headers are too large."]
        : ["400 Bad Request", "The request is not valid HTTP."];
  const body = JSON.stringify({ detail });
  // Nothing is written over an answer already under way, such as an early refusal (the check
  // Node's own default makes, through the same internal field).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(
      `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
