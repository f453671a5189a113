// The one error the API client throws: what went wrong, in words a creator can act on, with
// the HTTP status and the server's `detail` kept for code that maps problems onto the timeline.
import type { ValidationIssue } from "../contract/jobs";

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
    /** The server's `detail`: a sentence, or FastAPI's validation issues. */
    readonly detail: string | ValidationIssue[] | null = null,
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

/** A sentence for an error status, built from the server's own words where it gave any. */
export function describeHttpError(
  status: number,
  detail: string | ValidationIssue[] | null,
  retryAfterSeconds: number | null,
): string {
  const said = typeof detail === "string" && detail.trim() !== "" ? detail.trim() : null;
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
      return `Too many requests (429)${said ? `: ${said}` : ""}${
        retryAfterSeconds !== null && !said ? ` Try again in ${retryAfterSeconds} s.` : ""
      }`;
    default:
      if (status >= 500)
        return `The server failed (${status})${said ? `: ${said}` : ""}. Try again shortly.`;
      return `The request failed (${status})${said ? `: ${said}` : ""}.`;
  }
}
