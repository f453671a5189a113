// How the API reads a JSON body: its shape checked against hard bounds first (json-limits.ts),
// then parsed. A hostile body is refused in a few milliseconds, with a short answer, before it
// can cost memory.
import type { FastifyInstance } from "fastify";
import { HttpError } from "./errors";
import { BODY_BOUNDS, checkJson } from "./json-limits";

export function jsonSyntaxError(reason: string): HttpError {
  return new HttpError(422, [
    { loc: ["body"], msg: `The body is not valid JSON: ${reason}`, type: "json_invalid" },
  ]);
}

/**
 * Replaces the scope's JSON parser. With `parsed` false the body stays the bytes that came, for
 * a relay that forwards them unchanged; they are still parsed once, to refuse what is not JSON.
 */
export function registerJsonBody(
  scope: FastifyInstance,
  options: { bodyLimit: number; parsed: boolean },
): void {
  if (scope.hasContentTypeParser("application/json")) {
    scope.removeContentTypeParser("application/json");
  }
  scope.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: options.bodyLimit },
    (_request, body: Buffer, done) => {
      const check = checkJson(body, BODY_BOUNDS);
      if (!check.ok) {
        done(
          check.syntax
            ? jsonSyntaxError(check.reason)
            : new HttpError(413, `The body is refused unread: ${check.reason}.`),
          undefined,
        );
        return;
      }
      try {
        const value: unknown = JSON.parse(body.toString("utf8"));
        done(null, options.parsed ? value : body);
      } catch (error) {
        done(jsonSyntaxError((error as Error).message), undefined);
      }
    },
  );
}
