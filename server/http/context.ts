// What every handler may use, built once at start-up, and the shape of a handler.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { BodyOf, ParamsOf, QueryOf, RouteName, WireOf } from "../../src/contract/routes";
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

/** A request for route N, its parameters, query and body already parsed by the contract. */
export interface HandlerArgs<N extends RouteName = RouteName> {
  ctx: EngineContext;
  request: FastifyRequest;
  reply: FastifyReply;
  params: ParamsOf<N>;
  query: QueryOf<N>;
  body: BodyOf<N>;
  /** Null only on routes that do not require a token. */
  principal: Principal | null;
}

/** Answers route N with exactly what the contract says it sends. */
export type RouteHandler<N extends RouteName> = (args: HandlerArgs<N>) => Promise<WireOf<N>>;

/** The job named in the URL if it belongs to the caller; anyone else's reads as unknown. */
export function ownedJobOr404(args: HandlerArgs<"getJob" | "cancelJob">): JobRecord {
  const job = args.ctx.store.getOwnedJob(args.params.job_id, principalOf(args).tenant);
  if (!job) throw notFound("Simulation job");
  return job;
}

/** Narrows the principal of an authenticated route. */
export function principalOf(args: { principal: Principal | null }): Principal {
  if (!args.principal) throw new Error("route declared auth: true but has no principal");
  return args.principal;
}
