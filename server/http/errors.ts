// Errors as FastAPI shapes them: `{"detail": "..."}`, or a list of `{loc, msg, type}` for
// validation, so clients written for Odyssey's API read ours the same way.
import type { FastifyError, FastifyInstance } from "fastify";
import type { ValidationIssue } from "../../src/contract/jobs";

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string | ValidationIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === "string" ? detail : `${detail.length} validation problem(s)`);
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);

/** zod issues as FastAPI validation details under a location prefix such as ["body"]. */
export function zodIssuesToDetail(
  issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[],
  prefix: (string | number)[],
): ValidationIssue[] {
  return issues.map((issue) => ({
    loc: [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))],
    msg: issue.message,
    type: issue.code,
  }));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send({ detail: error.detail });
    }
    const code = (error as FastifyError).code;
    if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.code(413).send({ detail: "The request body is larger than the 30 MB limit." });
    }
    if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.code(415).send({ detail: "Send the body as application/json." });
    }
    if (code === "FST_ERR_CTP_EMPTY_JSON_BODY" || code === "FST_ERR_CTP_INVALID_JSON_BODY") {
      return reply.code(422).send({
        detail: [
          {
            loc: ["body"],
            msg: `The body is not valid JSON: ${error.message}`,
            type: "json_invalid",
          },
        ],
      });
    }
    if (error instanceof SyntaxError || (error as { statusCode?: number }).statusCode === 400) {
      return reply.code(422).send({
        detail: [
          {
            loc: ["body"],
            msg: `The body is not valid JSON: ${error.message}`,
            type: "json_invalid",
          },
        ],
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send({ detail: error.message });
    }
    // A bug of ours: say so plainly, keep the details in the log, never leak a stack.
    request.log.error(error);
    console.error(error);
    return reply.code(500).send({ detail: "The engine hit an internal error; see its log." });
  });
}
