// The one error the API client throws: what went wrong, in words a creator can act on, with
// the HTTP status and the server's `detail` kept for code that maps problems onto the timeline.
import type { ErrorDetail, ErrorDetailObject, ValidationIssue } from "../contract/jobs";

export type ApiErrorKind =
  /** The server answered with an error status. */
  | "http"
  /** No answer: offline, DNS, refused, or a cross-origin answer the browser hid (CORS). */
  | "network"
  /** An answer that is not the Simulate API's shape. */
  | "invalid-response"
  /** The caller gave up (navigation, an unmounted query). */
  | "aborted";

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly request: { method: string; path: string },
    readonly status: number | null = null,
    /** The server's `detail`: a sentence, FastAPI's validation issues, or an object. */
    readonly detail: ErrorDetail | null = null,
    /** From `Retry-After` on a 429. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** Validation issues of a 422, else none. */
  get issues(): ValidationIssue[] {
    return Array.isArray(this.detail) ? this.detail : [];
  }

  /** Whether trying again later may help: network trouble, rate limits and server errors. */
  get transient(): boolean {
    if (this.kind === "network") return true;
    return (
      this.kind === "http" && this.status !== null && (this.status === 429 || this.status >= 500)
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * An object `detail` in words: its message, then the figures it gives. Usage limits come as
 * `{message, limit, used}` or as the SDK's `UsageErrorData` (`{code, message, action, details}`).
 */
export function describeDetailObject(detail: ErrorDetailObject): string | null {
  const text = (value: unknown) =>
    typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  const message = text(detail.message) ?? text(detail.msg) ?? text(detail.detail);
  const code = text(detail.code) ?? text(detail.error);
  const figures: Record<string, unknown> = {
    ...(typeof detail.details === "object" && detail.details !== null ? detail.details : {}),
    ...detail,
  };
  const shown = new Set(["message", "msg", "detail", "code", "error", "action", "action_url"]);
  const parts: string[] = [];
  const { used, limit } = figures;
  if (typeof used === "number" && typeof limit === "number") {
    parts.push(`${used} of ${limit} used`);
    shown.add("used").add("limit");
  }
  for (const [key, value] of Object.entries(figures)) {
    if (shown.has(key) || !(typeof value === "number" || text(value))) continue;
    parts.push(`${key.replace(/_/g, " ")}: ${String(value)}`);
  }
  const sentence = [
    message ?? (code ? code.replace(/_/g, " ").toLowerCase() : null),
    parts.length > 0 ? `(${parts.join(", ")})` : null,
  ]
    .filter((part) => part !== null)
    .join(" ");
  const action = text(detail.action);
  if (sentence === "") return action;
  return action ? `${sentence}. ${action}` : sentence;
}

/** A sentence for an error status, built from the server's own words where it gave any. */
export function describeHttpError(
  status: number,
  detail: ErrorDetail | null,
  retryAfterSeconds: number | null,
): string {
  const said =
    typeof detail === "string" && detail.trim() !== ""
      ? detail.trim()
      : detail !== null && typeof detail === "object" && !Array.isArray(detail)
        ? describeDetailObject(detail)
        : null;
  const wait = retryAfterSeconds !== null ? ` Try again in ${formatWait(retryAfterSeconds)}.` : "";
  switch (status) {
    case 401:
      return `The API key was not accepted (401)${said ? `: ${said}` : ""}. Check it in Settings.`;
    case 403:
      return `Access denied (403)${said ? `: ${said}` : ""}.`;
    case 404:
      return said ? `Not found (404): ${said}` : "Not found (404).";
    case 413:
      return `The request is too large (413)${said ? `: ${said}` : ""}.`;
    case 422: {
      const issues = Array.isArray(detail) ? detail : [];
      if (issues.length === 0)
        return `The server refused the request (422)${said ? `: ${said}` : ""}.`;
      const shown = issues.slice(0, 3).map((issue) => issue.msg);
      const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
      return `The server refused the script (422): ${shown.join("; ")}${more}.`;
    }
    case 429:
      // The engine's own sentence already says how long to wait; an object detail does not.
      if (said && typeof detail === "string") return `Too many requests (429): ${said}`;
      return `Too many requests (429)${said ? `: ${endSentence(said)}` : "."}${wait}`;
    default:
      if (status >= 500)
        return `The server failed (${status})${said ? `: ${said}` : ""}. Try again shortly.`;
      return `The request failed (${status})${said ? `: ${said}` : ""}.`;
  }
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "40 s", "5 min", "2 h": a Retry-After as a person says it. */
function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
