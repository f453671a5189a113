// The API's routes, keyed by the contract's list: leaving one out fails to compile.
import type { FastifyInstance, FastifyRequest, HTTPMethods } from "fastify";
import type { ApiRoute } from "../../src/contract/routes";
import type { Principal } from "../auth/tokens";
import type { EngineContext, RouteHandler } from "./context";
import { HttpError } from "./errors";
import { authToken } from "./routes/auth-token";
import { cancelJob } from "./routes/cancel-job";
import { createJob } from "./routes/create-job";
import { getJob } from "./routes/get-job";
import { getRecording } from "./routes/get-recording";
import { listJobs } from "./routes/list-jobs";
import { listStreamRecordings } from "./routes/list-stream-recordings";

export const ROUTE_TABLE: Record<ApiRoute, RouteHandler> = {
  "POST /auth/token": authToken,
  "POST /simulation-jobs": createJob,
  "GET /simulation-jobs": listJobs,
  "GET /simulation-jobs/:job_id": getJob,
  "DELETE /simulation-jobs/:job_id": cancelJob,
  "GET /recordings/:stream_id": getRecording,
  "GET /stream-recordings": listStreamRecordings,
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

export function registerApiRoutes(api: FastifyInstance, ctx: EngineContext): void {
  for (const [key, handler] of Object.entries(ROUTE_TABLE)) {
    const [method, url] = key.split(" ") as [HTTPMethods, string];
    api.route({
      method,
      url,
      handler: async (request, reply) => {
        const principal = handler.auth ? authenticate(ctx, request) : null;
        return handler.handle({ ctx, request, reply, principal });
      },
    });
  }
}
