// Fetches a job's `script_url`. The engine would otherwise be a proxy into the network it
// runs in, so private and loopback addresses are refused unless explicitly allowed.
import { type LookupAddress, lookup as dnsLookup } from "node:dns";
import { get as httpGet, type IncomingMessage } from "node:http";
import { get as httpsGet } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

export const SCRIPT_URL_TIMEOUT_MS = 5000;
export const SCRIPT_URL_MAX_BYTES = 1024 * 1024;

export class ScriptUrlError extends Error {}

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  privateRanges.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  privateRanges.addSubnet(net, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return privateRanges.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The resolver the connection itself uses, refusing private addresses. Checking a name before
 * fetching and letting the fetch resolve it again would leave a gap a rebinding DNS server
 * can use (public on the check, loopback on the connect); here the addresses checked are the
 * addresses connected to.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        return callback(new PrivateAddressError(hostname), "", 0);
      }
      if (options.all) return (callback as unknown as AllCallback)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

class PrivateAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} resolves to a private or loopback address`);
  }
}

const privateMessage = (host: string) =>
  `script_url points to a private or loopback address (${host}); set ENGINE_ALLOW_PRIVATE_SCRIPT_URLS=1 to allow it`;

export async function fetchScriptUrl(raw: string, allowPrivate: boolean): Promise<unknown> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ScriptUrlError("script_url is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ScriptUrlError(
      `script_url must be http or https, not ${url.protocol.replace(":", "")}`,
    );
  }
  // A literal address is connected to without a lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    throw new ScriptUrlError(privateMessage(url.hostname));
  }

  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const get = url.protocol === "https:" ? httpsGet : httpGet;
    const request = get(
      url,
      {
        lookup: guardedLookup(allowPrivate),
        // A fresh connection each time: a pooled socket would skip the guarded lookup.
        agent: false,
        signal: AbortSignal.timeout(SCRIPT_URL_TIMEOUT_MS),
        headers: { accept: "application/json" },
      },
      resolve,
    );
    request.on("error", reject);
  }).catch((error: unknown) => {
    if (error instanceof PrivateAddressError)
      throw new ScriptUrlError(privateMessage(url.hostname));
    const name = (error as Error).name;
    if (name === "AbortError" || name === "TimeoutError") {
      throw new ScriptUrlError(
        `script_url did not answer within ${SCRIPT_URL_TIMEOUT_MS / 1000} s`,
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
      throw new ScriptUrlError(`script_url's host ${url.hostname} could not be resolved`);
    }
    throw new ScriptUrlError(`script_url could not be fetched (${(error as Error).message})`);
  });

  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    response.destroy();
    throw new ScriptUrlError(
      `script_url answered a redirect (HTTP ${status}); redirects are not followed`,
    );
  }
  if (status < 200 || status >= 300) {
    response.destroy();
    throw new ScriptUrlError(`script_url answered HTTP ${status}`);
  }
  const text = await readCapped(response);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScriptUrlError("script_url did not return JSON");
  }
}

async function readCapped(response: IncomingMessage): Promise<string> {
  const declared = Number(response.headers["content-length"] ?? "0");
  if (declared > SCRIPT_URL_MAX_BYTES) {
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
  } catch (error) {
    if (error instanceof ScriptUrlError) throw error;
    const name = (error as Error).name;
    if (name === "AbortError" || name === "TimeoutError") {
      throw new ScriptUrlError(
        `script_url did not answer within ${SCRIPT_URL_TIMEOUT_MS / 1000} s`,
      );
    }
    throw new ScriptUrlError(`script_url stopped mid-answer (${(error as Error).message})`);
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge() {
  return new ScriptUrlError(
    `script_url's answer is larger than ${SCRIPT_URL_MAX_BYTES / 1024 / 1024} MB`,
  );
}
