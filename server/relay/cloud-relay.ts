// The cloud relay: the studio's server forwards the Simulate API, under RELAY_PREFIX, to one
// configured root (Odyssey's cloud by default) so a creator's browser needs neither CORS from
// the cloud nor, when the server holds a key, a key of its own. Only the contract's routes
// and methods pass, to that root and nowhere else, and only for the studio's own page: a
// server that holds a cloud key must never be drivable by another web page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { API, matchRoute, pathOf, type RouteName } from "../../src/contract/routes";
import type { CloudRelayConfig } from "../config";
import { HttpError } from "../http/errors";
import { registerJsonBody } from "../http/json-body";
import { assertSameOrigin } from "../http/same-origin-guard";
import { registerRecordingFiles } from "./recording-files";
import { fetchUpstream, passThrough } from "./upstream";

/** Where the relay answers on the studio's server: its API root is `<origin>/relay`. */
export const RELAY_PREFIX = "/relay";

export interface RelayOptions {
  relay: CloudRelayConfig;
  allowedHosts: ReadonlySet<string>;
  /** ENGINE_PUBLIC_ORIGIN: the studio's own page when a proxy in front serves it. */
  publicOrigin: string | null;
  bodyLimit: number;
}

/** What the studio learns about the relay from /api/health. */
export interface RelayInfo {
  path: string;
  upstream: string;
  key_held_by_server: boolean;
}

export function relayInfo(relay: CloudRelayConfig | null): RelayInfo | null {
  return (
    relay && { path: RELAY_PREFIX, upstream: relay.root, key_held_by_server: relay.apiKey !== null }
  );
}

/** The query parameters a route takes, by name; any others are dropped, not forwarded. */
function forwardedQuery(name: RouteName, rawUrl: string): string {
  const route = API[name];
  if (!("query" in route)) return "";
  const known = new Set(Object.keys(route.query.shape));
  const given = new URL(rawUrl, "http://relay.invalid").searchParams;
  const kept = new URLSearchParams();
  for (const [key, value] of given) if (known.has(key)) kept.append(key, value);
  const text = kept.toString();
  return text ? `?${text}` : "";
}

export async function registerCloudRelay(
  app: FastifyInstance,
  options: RelayOptions,
): Promise<void> {
  const { relay, allowedHosts, publicOrigin, bodyLimit } = options;
  const what = `the Simulate API at ${relay.root}`;

  await app.register(
    async (scope) => {
      // Bodies are forwarded as the caller sent them, byte for byte, once their shape is
      // checked: never re-serialised.
      registerJsonBody(scope, { bodyLimit, parsed: false });
      scope.addHook("onRequest", async (request) =>
        assertSameOrigin(request, allowedHosts, publicOrigin),
      );

      registerRecordingFiles(scope, { relay, what });

      scope.route({
        method: ["GET", "POST", "DELETE"],
        url: "/*",
        handler: (request, reply) => forward(request, reply),
      });
    },
    { prefix: RELAY_PREFIX },
  );

  async function forward(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const rawPath = (request.url.split("?")[0] ?? "").slice(RELAY_PREFIX.length);
    const matched = matchRoute(request.method, rawPath);
    if (!matched) {
      throw new HttpError(
        404,
        `The relay forwards only the Simulate API's routes; ${request.method} ${rawPath || "/"} is not one of them.`,
      );
    }
    const { name, params } = matched;
    const headers: Record<string, string> = { accept: "application/json" };
    let body = request.body instanceof Buffer ? new Uint8Array(request.body) : undefined;
    if (name === "exchangeToken") {
      // A key the server holds replaces whatever the page sent; without one, the page's key
      // goes through as it came, and is neither kept nor logged here.
      if (relay.apiKey !== null) {
        body = new TextEncoder().encode(JSON.stringify({ api_key: relay.apiKey }));
      }
    } else if (request.headers.authorization) {
      headers.authorization = request.headers.authorization;
    }
    if (body !== undefined) headers["content-type"] = "application/json";

    const url = `${relay.root}${pathOf(name, params)}${forwardedQuery(name, request.url)}`;
    const response = await fetchUpstream(
      url,
      { method: request.method, headers, ...(body !== undefined && { body }) },
      { timeoutMs: relay.timeoutMs, caller: reply, what },
    );
    return passThrough(reply, response);
  }
}
