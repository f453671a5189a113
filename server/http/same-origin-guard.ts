// Who may reach this server, and from which web pages. Every request must be addressed to one of
// the server's own host names; the API answers web pages on the studio's own origin and those
// listed in ENGINE_CORS_ORIGINS; routes that act with the server's own standing (the cloud relay
// spends the credits of a key the server may hold) answer only the studio's own page.
import type { FastifyRequest } from "fastify";
import { HttpError } from "./errors";

/** The Host header's name without its port, lower case; `[::1]` keeps its brackets. */
export function hostName(hostHeader: string | undefined): string | null {
  // A Host header with a path, a user part or spaces is not a host.
  if (!hostHeader || /[/@?#\\\s]/.test(hostHeader)) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Refuses a Host that is not one of `allowedHosts`, with a 403 that says why. Against DNS
 * rebinding: a page on evil.example that resolves its own name to 127.0.0.1 reaches this
 * server, but its requests say evil.example.
 */
export function assertAllowedHost(
  request: FastifyRequest,
  allowedHosts: ReadonlySet<string>,
): void {
  const host = hostName(request.headers.host);
  if (host === null || !allowedHosts.has(host)) {
    throw new HttpError(
      403,
      `This server does not answer to the host name "${request.headers.host ?? ""}". ` +
        "Add it to ENGINE_ALLOWED_HOSTS if it is really this server's.",
    );
  }
}

/**
 * Whether `origin` is a page of this server: its scheme, one of its host names, and the port
 * the request was sent to (the studio at localhost:8787 calling 127.0.0.1:8787 is still the
 * studio), or `publicOrigin`, where a proxy in front serves it.
 */
export function isOwnOrigin(
  request: FastifyRequest,
  origin: string,
  allowedHosts: ReadonlySet<string>,
  publicOrigin: string | null = null,
): boolean {
  let page: URL;
  let target: URL;
  try {
    page = new URL(origin);
    target = new URL(`${request.protocol}://${request.headers.host ?? ""}`);
  } catch {
    return false;
  }
  if (page.origin !== origin.toLowerCase()) return false;
  if (publicOrigin !== null && page.origin === new URL(publicOrigin).origin) return true;
  return (
    page.protocol === target.protocol &&
    page.port === target.port &&
    allowedHosts.has(page.hostname)
  );
}

export interface ApiOrigins {
  allowedHosts: ReadonlySet<string>;
  /** ENGINE_CORS_ORIGINS: pages elsewhere allowed to call the API. */
  corsOrigins: ReadonlySet<string>;
  publicOrigin: string | null;
}

/** Whether a page at `origin` may call the API; requests with no Origin are not from a page. */
export function isAllowedApiOrigin(
  request: FastifyRequest,
  origin: string | undefined,
  origins: ApiOrigins,
): boolean {
  if (origin === undefined) return true;
  return (
    origins.corsOrigins.has(origin) ||
    isOwnOrigin(request, origin, origins.allowedHosts, origins.publicOrigin)
  );
}

/**
 * Refuses a web page on another origin with a 403 that says why. The API takes bearer tokens,
 * not cookies, but the local engine accepts any key unless ENGINE_API_KEYS is set, so any page
 * a creator visits could otherwise queue work on their engine and read it back.
 */
export function assertAllowedApiOrigin(request: FastifyRequest, origins: ApiOrigins): void {
  const origin = request.headers.origin;
  if (!isAllowedApiOrigin(request, origin, origins)) {
    throw new HttpError(
      403,
      `Requests from ${origin} are not allowed: only the studio's own page, and origins listed ` +
        "in ENGINE_CORS_ORIGINS, may use this API from a browser.",
    );
  }
}

/**
 * Refuses, with a 403 that says why:
 * - a Host that is not one of `allowedHosts` (see assertAllowedHost);
 * - an `Origin` that is not this server's own (a page elsewhere, even on this machine);
 * - a browser request that says it is cross-site or same-site (`Sec-Fetch-Site`), which also
 *   covers requests that carry no Origin, such as an image or a top-level link from elsewhere.
 * Programs (the SDK, curl) send neither Origin nor Sec-Fetch-Site, and are let through.
 */
export function assertSameOrigin(
  request: FastifyRequest,
  allowedHosts: ReadonlySet<string>,
  publicOrigin: string | null = null,
): void {
  assertAllowedHost(request, allowedHosts);
  const origin = request.headers.origin;
  // The same page the API calls its own, ENGINE_PUBLIC_ORIGIN behind a proxy included; never
  // ENGINE_CORS_ORIGINS, which open the API to other studios but not a key this server holds.
  if (origin !== undefined && !isOwnOrigin(request, origin, allowedHosts, publicOrigin)) {
    throw new HttpError(
      403,
      `Requests from ${origin} are not allowed: only the studio's own page may use this.`,
    );
  }
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") {
    throw new HttpError(
      403,
      "Requests from other sites are not allowed: only the studio's own page may use this.",
    );
  }
}
