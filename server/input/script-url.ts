// Fetches a job's `script_url`. The engine would otherwise be a proxy into the network it
// runs in, so private and loopback addresses are refused unless explicitly allowed.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

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
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw new ScriptUrlError(`script_url's host ${url.hostname} could not be resolved`);
    }
    if (addresses.some(isPrivateAddress)) {
      throw new ScriptUrlError(
        `script_url points to a private or loopback address (${url.hostname}); set ENGINE_ALLOW_PRIVATE_SCRIPT_URLS=1 to allow it`,
      );
    }
  }

  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(SCRIPT_URL_TIMEOUT_MS),
      redirect: "error",
      headers: { accept: "application/json" },
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new ScriptUrlError(
      timedOut
        ? `script_url did not answer within ${SCRIPT_URL_TIMEOUT_MS / 1000} s`
        : `script_url could not be fetched (${(error as Error).message}; redirects are not followed)`,
    );
  }
  if (!response.ok) {
    throw new ScriptUrlError(`script_url answered HTTP ${response.status}`);
  }
  const text = await readCapped(response);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScriptUrlError("script_url did not return JSON");
  }
}

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > SCRIPT_URL_MAX_BYTES) throw tooLarge();
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > SCRIPT_URL_MAX_BYTES) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ScriptUrlError) throw error;
    throw new ScriptUrlError(`script_url stopped mid-answer (${(error as Error).message})`);
  } finally {
    reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge() {
  return new ScriptUrlError(
    `script_url's answer is larger than ${SCRIPT_URL_MAX_BYTES / 1024 / 1024} MB`,
  );
}
