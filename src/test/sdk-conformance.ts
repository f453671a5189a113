// The official SDK's declared types are the authority on every shape. This file holds no code
// that runs: `npm run typecheck` (the first step of `npm test`) fails when the contract and
// the SDK 1.3.1's `dist/*.d.ts` stop fitting each other, in both directions:
// - what our engine sends (`WireOf<route>`) is assignable to what the SDK declares it returns;
// - everything the SDK's declared type allows is accepted by the studio's parser for that
//   route (the parser's input type takes the SDK's type).
// It also pins that the route table is the one place routes are defined: a client call with
// a wrong body and an engine without a handler must not compile.
import type { Odyssey } from "@odysseyml/odyssey";
import type * as z from "zod/mini";
import type { CreateJobRequest } from "../contract/jobs";
import type { API, RouteName, WireOf } from "../contract/routes";
import type { SimulateClient } from "../api/simulate-client";
import type { RouteHandler } from "../../server/http/context";

type Sdk<M extends keyof Odyssey> = Odyssey[M] extends (...args: never[]) => Promise<infer R>
  ? R
  : never;

/** `true` only when A is assignable to B; a `false` fails `Assert`. */
type Fits<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;
type ParserInput<N extends RouteName> = z.input<(typeof API)[N]["answer"]>;

/** Each route of the contract and the SDK method that calls it. */
interface SdkMethodFor {
  createJob: "simulate";
  getJob: "getSimulateStatus";
  listJobs: "listSimulations";
  cancelJob: "cancelSimulation";
  getRecording: "getRecording";
  listStreamRecordings: "listStreamRecordings";
}

// Every route but the token exchange (the SDK keeps that one private) has its SDK method.
export type EveryRouteHasAnSdkMethod = Assert<
  Fits<Exclude<RouteName, "exchangeToken">, keyof SdkMethodFor>
>;

// What the engine sends satisfies the SDK's types.
export type EngineSendsWhatTheSdkDeclares = Assert<
  Fits<
    { [N in keyof SdkMethodFor]: WireOf<N> },
    { [N in keyof SdkMethodFor]: Sdk<SdkMethodFor[N]> }
  >
>;

// Everything the SDK's types allow, the studio's parsers accept.
export type StudioReadsWhatTheSdkAllows = Assert<
  Fits<
    { [N in keyof SdkMethodFor]: Sdk<SdkMethodFor[N]> },
    { [N in keyof SdkMethodFor]: ParserInput<N> }
  >
>;

// The SDK's token exchange reads `access_token` and `expires_in`; ours sends both.
export type TokenFitsTheSdk = Assert<
  Fits<WireOf<"exchangeToken">, { access_token: string; expires_in: number }>
>;

// The request body: what the SDK sends for a script is a body our engine and client accept.
type SdkScriptEntry = NonNullable<Parameters<Odyssey["simulate"]>[0]["script"]>[number];
export type SdkBodyFitsTheContract = Assert<
  Fits<
    { script: Omit<SdkScriptEntry, "start">[]; portrait: boolean; output_video: true },
    CreateJobRequest
  >
>;

// A client call with a wrong body, or without its path parameter, does not compile.
export function wrongCallsDoNotCompile(client: SimulateClient): void {
  // @ts-expect-error: `scripts` is a list of scripts, not text
  void client.createJob({ scripts: "not a list" });
  // @ts-expect-error: getJob's path needs its job_id
  void client.call("getJob", {});
  // @ts-expect-error: listJobs takes no body
  void client.call("listJobs", { body: { script: [] } });
  // @ts-expect-error: the status filter is one the SDK names
  void client.listJobs({ status: "running" });
}

// A route table without a handler for every route does not compile.
// @ts-expect-error: getRecording and the rest have no handler
export const incompleteTable: { [N in RouteName]: RouteHandler<N> } = {
  exchangeToken: async () => ({ access_token: "t", token_type: "bearer", expires_in: 60 }),
};

// A handler that answers a shape the contract does not send does not compile.
// @ts-expect-error: the SDK declares priority as a string
export const numericPriority: RouteHandler<"createJob"> = async () => ({
  job_id: "j",
  status: "pending",
  priority: 0,
  created_at: "t",
  estimated_wait_minutes: null,
});
