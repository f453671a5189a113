// The API's routes, one handler per route of the contract: leaving one out, or answering a
// shape the contract does not send, fails to compile. Parameters, query and body are parsed
// here by the contract's schemas, so handlers only see valid input.
import type { FastifyInstance, FastifyRequest } from "fastify";
import english from "zod/v4/locales/en.js";
import type * as z from "zod/mini";
import { API, ROUTE_NAMES, type RouteName } from "../../src/contract/routes";
import type { Principal } from "../auth/tokens";
import type { EngineContext, HandlerArgs, RouteHandler } from "./context";
import { HttpError, zodIssuesToDetail } from "./errors";
import { authToken } from "./routes/auth-token";
import { cancelJob } from "./routes/cancel-job";
import { createJob } from "./routes/create-job";
import { getJob } from "./routes/get-job";
import { getRecording } from "./routes/get-recording";
import { listJobs } from "./routes/list-jobs";
import { listStreamRecordings } from "./routes/list-stream-recordings";

export const ROUTE_TABLE: { [N in RouteName]: RouteHandler<N> } = {
  exchangeToken: authToken,
  createJob,
  listJobs,
  getJob,
  cancelJob,
  getRecording,
  listStreamRecordings,
};

function authenticate(ctx: EngineContext, request: FastifyRequest): Principal {
  const header = request.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new HttpError(401, "Not authenticated: send Authorization: Bearer <access_token>", {
      "WWW-Authenticate": "Bearer",
    });
  }
  const principal = ctx.tokens.verify(match[1]);
  if (!principal) {
    throw new HttpError(
      401,
      "The access token is invalid or has expired; exchange the API key again",
      {
        "WWW-Authenticate": 'Bearer error="invalid_token"',
      },
    );
  }
  return principal;
}

// The contract's schemas are zod/mini's, which words no problem ("Invalid input") so that the
// studio's first load carries no messages; a 422 from the engine says what is wrong in English.
const inEnglish = { error: english().localeError };

function parsed(
  schema: z.ZodMiniType | undefined,
  value: unknown,
  where: "query" | "body",
): unknown {
  if (!schema) return where === "query" ? {} : undefined;
  const result = schema.safeParse(value, inEnglish);
  if (!result.success) throw new HttpError(422, zodIssuesToDetail(result.error.issues, [where]));
  return result.data;
}

function register<N extends RouteName>(api: FastifyInstance, ctx: EngineContext, name: N): void {
  const route = API[name];
  const handler = ROUTE_TABLE[name];
  api.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      // Authentication before parsing: an anonymous caller learns nothing about the body.
      const principal = route.auth ? authenticate(ctx, request) : null;
      const args = {
        ctx,
        request,
        reply,
        principal,
        params: request.params,
        query: parsed("query" in route ? route.query : undefined, request.query, "query"),
        body: parsed("body" in route ? route.body : undefined, request.body, "body"),
      } as HandlerArgs<N>;
      return handler(args);
    },
  });
}

export function registerApiRoutes(api: FastifyInstance, ctx: EngineContext): void {
  for (const name of ROUTE_NAMES) register(api, ctx, name);
}
