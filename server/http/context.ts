// What every handler may use, built once at start-up.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Signer } from "../artifacts/signing";
import type { Principal, TokenService } from "../auth/tokens";
import type { EngineConfig } from "../config";
import type { JobStore } from "../jobs/job-store";
import type { JobRecord } from "../jobs/job-types";
import type { JobRunner } from "../queue/job-runner";
import { notFound } from "./errors";
import type { RateLimiter } from "./rate-limit";

export interface EngineContext {
  config: EngineConfig;
  store: JobStore;
  tokens: TokenService;
  runner: JobRunner;
  signer: Signer;
  rateLimiter: RateLimiter;
}

export interface HandlerArgs {
  ctx: EngineContext;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Null only on routes that do not require a token. */
  principal: Principal | null;
}

export interface RouteHandler {
  auth: boolean;
  handle(args: HandlerArgs): Promise<unknown>;
}

export function defineHandler(handler: RouteHandler): RouteHandler {
  return handler;
}

/** The job named in the URL if it belongs to the caller; anyone else's reads as unknown. */
export function ownedJobOr404(args: HandlerArgs): JobRecord {
  const { job_id } = args.request.params as { job_id: string };
  const job = args.ctx.store.getOwnedJob(job_id, principalOf(args).tenant);
  if (!job) throw notFound("Simulation job");
  return job;
}

/** Narrows the principal of an authenticated route. */
export function principalOf(args: HandlerArgs): Principal {
  if (!args.principal) throw new Error("route declared auth: true but has no principal");
  return args.principal;
}
