// Who may use a route that acts with the server's own standing (the cloud relay spends the
// credits of a key the server may hold): only requests addressed to one of the server's own
// host names, and, when they come from a web page, only from the studio's own origin.
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
 * Refuses, with a 403 that says why:
 * - a Host that is not one of `allowedHosts` (DNS rebinding: a page on evil.example that
 *   resolves its own name to 127.0.0.1 reaches this server, but its requests say evil.example);
 * - an `Origin` that is not this server's own (a page elsewhere, even on this machine);
 * - a browser request that says it is cross-site or same-site (`Sec-Fetch-Site`), which also
 *   covers requests that carry no Origin, such as an image or a top-level link from elsewhere.
 * Programs (the SDK, curl) send neither Origin nor Sec-Fetch-Site, and are let through.
 */
export function assertSameOrigin(request: FastifyRequest, allowedHosts: ReadonlySet<string>): void {
  const host = hostName(request.headers.host);
  if (host === null || !allowedHosts.has(host)) {
    throw new HttpError(
      403,
      `This server does not answer to the host name "${request.headers.host ?? ""}". ` +
        "Add it to ENGINE_ALLOWED_HOSTS if it is really this server's.",
    );
  }
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.headers.host}`.toLowerCase();
  if (origin !== undefined && origin.toLowerCase() !== own) {
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
