// Fetches a job's `script_url`. The engine would otherwise be a proxy into the network it runs
// in, so it connects only to public unicast addresses unless explicitly allowed, and every
// failed fetch reads the same to the caller, so its answers cannot map hosts and open ports.
import { type LookupAddress, lookup as dnsLookup } from "node:dns";
import { get as httpGet, type IncomingMessage } from "node:http";
import { get as httpsGet } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { networkInterfaces } from "node:os";
import ipaddr from "ipaddr.js";
import { checkJson } from "../http/json-limits";

export const SCRIPT_URL_TIMEOUT_MS = 5000;
export const SCRIPT_URL_MAX_BYTES = 1024 * 1024;

/** The caller's only answer to a refused or failed fetch; the reason goes to the engine's log. */
export const SCRIPT_URL_FAILED = `script_url could not be fetched as a public JSON script (http or https, a public address, answering 200 within ${SCRIPT_URL_TIMEOUT_MS / 1000} s with at most ${SCRIPT_URL_MAX_BYTES / 1024 / 1024} MB)`;

export class ScriptUrlError extends Error {}

/** Why a fetch failed, for the engine's log only. */
class FetchFailure extends Error {}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/** The address a socket given `address` connects to; null when it is no plain address. */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const family = isIP(address);
  if (family === 4) return ipaddr.IPv4.parse(address);
  if (family !== 6) return null;
  let hex: string;
  try {
    // ipaddr.js reads "::a.b.c.d" as the mapped ::ffff:a.b.c.d, but a socket connects to the
    // IPv4-compatible ::a.b.c.d. The URL parser spells it in hex, as the socket reads it.
    hex = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null; // a zone index such as fe80::1%eth0
  }
  const v6 = ipaddr.IPv6.parse(hex);
  // A dual-stack socket sends ::ffff:a.b.c.d to the IPv4 address a.b.c.d.
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/**
 * Whether an address is one anybody on the internet could reach: ipaddr.js's "unicast" (every
 * special-purpose range has another name there), for IPv6 only inside 2000::/3 (ipaddr.js calls
 * unnamed space such as the IPv4-compatible ::/96 unicast), and none of `own`, this machine's
 * addresses, as a public address of its own reaches services that listen on every interface.
 */
export function isPublicAddress(
  address: string,
  own: readonly string[] = interfaceAddresses(),
): boolean {
  const ip = parseAddress(address);
  if (!ip || ip.range() !== "unicast") return false;
  if (ip.kind() === "ipv6" && !ip.match(GLOBAL_UNICAST_V6)) return false;
  const normal = ip.toNormalizedString();
  return !own.some((mine) => parseAddress(mine)?.toNormalizedString() === normal);
}

/** Read at each fetch, as interfaces come and go. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((e) => e.address));
}

/**
 * The resolver the connection itself uses, refusing addresses that are not public. Checking a
 * name before fetching and letting the fetch resolve it again would leave a gap a rebinding DNS
 * server can use (public on the check, loopback on the connect); here the addresses checked are
 * the addresses connected to.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      if (!allowPrivate) {
        const own = interfaceAddresses();
        const refused = list.find((a) => !isPublicAddress(a.address, own));
        if (refused) return callback(notPublic(hostname, refused.address), "", 0);
      }
      if (options.all) return (callback as unknown as AllCallback)(null, list);
      const first = list[0];
      if (!first) return callback(new FetchFailure(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

const notPublic = (host: string, address: string) =>
  new FetchFailure(
    `${host === address ? address : `${host} resolves to ${address}, which`} is not a public address; ENGINE_ALLOW_PRIVATE_SCRIPT_URLS=1 allows it`,
  );

export type FetchScriptUrlOptions = {
  timeoutMs?: number;
  /** Where the reason for a failed fetch goes; never to the caller. */
  log?: (line: string) => void;
};

export async function fetchScriptUrl(
  raw: string,
  allowPrivate: boolean,
  {
    timeoutMs = SCRIPT_URL_TIMEOUT_MS,
    log = (line: string) => console.error(line),
  }: FetchScriptUrlOptions = {},
): Promise<unknown> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ScriptUrlError("script_url is not a URL");
  }
  // These two say only what the caller sent, nothing about the network.
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ScriptUrlError(
      `script_url must be http or https, not ${url.protocol.replace(":", "")}`,
    );
  }
  // Also cuts off an answer that trickles in: the body is read under the same signal.
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    return await fetchJson(url, allowPrivate, deadline);
  } catch (error) {
    const reason = deadline.aborted
      ? `no whole answer within ${timeoutMs / 1000} s`
      : reasonFor(error, url);
    // The host only: a path or query may carry a token.
    log(`script_url from ${url.host} not fetched: ${reason}`);
    throw new ScriptUrlError(SCRIPT_URL_FAILED);
  }
}

function reasonFor(error: unknown, url: URL): string {
  if (error instanceof FetchFailure) return error.message;
  const { message, code } = error as NodeJS.ErrnoException;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `${url.hostname} could not be resolved`;
  return message;
}

async function fetchJson(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<unknown> {
  // A literal address is connected to without a lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
    throw notPublic(literal, literal);
  }
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const get = url.protocol === "https:" ? httpsGet : httpGet;
    const request = get(
      url,
      {
        lookup: guardedLookup(allowPrivate),
        // A fresh connection each time: a pooled socket would skip the guarded lookup.
        agent: false,
        signal,
        headers: { accept: "application/json" },
      },
      resolve,
    );
    request.on("error", reject);
  });
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    response.destroy();
    throw new FetchFailure(
      status >= 300 && status < 400
        ? `answered a redirect (HTTP ${status}), which is not followed`
        : `answered HTTP ${status}`,
    );
  }
  const text = await readCapped(response);
  // The same bounds as a request body: a fetched script is one, by another road.
  const shape = checkJson(Buffer.from(text));
  if (!shape.ok) {
    throw new FetchFailure(
      shape.syntax ? "the answer is not JSON" : `the answer is refused unread: ${shape.reason}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FetchFailure("the answer is not JSON");
  }
}

async function readCapped(response: IncomingMessage): Promise<string> {
  const tooLarge = () =>
    new FetchFailure(`the answer is larger than ${SCRIPT_URL_MAX_BYTES / 1024 / 1024} MB`);
  if (Number(response.headers["content-length"] ?? "0") > SCRIPT_URL_MAX_BYTES) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).byteLength;
      if (size > SCRIPT_URL_MAX_BYTES) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks).toString("utf8");
}
