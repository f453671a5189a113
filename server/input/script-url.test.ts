// The address check on a table of addresses, and fetchScriptUrl against real HTTP servers on
// loopback. Loopback is not public, so the cases that must reach a server allow private
// addresses, and the guarded ones check that names are refused as the connection is made.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fetchScriptUrl,
  isPublicAddress,
  SCRIPT_URL_FAILED,
  SCRIPT_URL_MAX_BYTES,
  ScriptUrlError,
} from "./script-url";

const script = [
  { timestamp_ms: 0, start: { prompt: "a" } },
  { timestamp_ms: 1000, end: {} },
];

let server: Server;
let port: number;
let closedPort: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith("/script.json")) {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(script));
    } else if (request.url === "/moved") {
      response.writeHead(302, { location: "/script.json" }).end();
    } else if (request.url === "/huge") {
      // No Content-Length: the cap must hold while reading.
      response.write("[");
      response.end(`"${"x".repeat(SCRIPT_URL_MAX_BYTES)}"]`);
    } else if (request.url === "/text") {
      response.end("not json");
    } else if (request.url === "/deep") {
      // Under 1 MB, and deeper than any script: refused before it is parsed.
      response.end(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    } else if (request.url === "/created") {
      response.writeHead(201).end(JSON.stringify(script));
    } else if (request.url === "/silent") {
      // Headers and then nothing: the time limit must cover the body too.
      response.writeHead(200, { "content-type": "application/json" });
      response.write("[");
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function message(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ScriptUrlError);
    return (error as Error).message;
  }
  throw new Error("expected a ScriptUrlError");
}

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["93.184.216.34"],
    ["2606:4700:4700::1111"],
    ["2001:4860:4860::8888"],
    ["::ffff:8.8.8.8"],
    ["::ffff:808:808"],
  ])("takes %s", (address) => {
    expect(isPublicAddress(address, [])).toBe(true);
  });

  it.each([
    ["0.0.0.0", "this network, 0.0.0.0/8"],
    ["0.1.2.3", "this network, 0.0.0.0/8"],
    ["10.0.0.1", "private 10/8"],
    ["100.64.0.1", "carrier-grade NAT 100.64/10"],
    ["100.127.255.254", "carrier-grade NAT 100.64/10"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link-local, cloud metadata"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.254", "private 172.16/12"],
    ["192.0.0.1", "IETF protocol assignments 192.0.0/24"],
    ["192.0.0.170", "NAT64 discovery, in 192.0.0/24"],
    ["192.0.2.1", "documentation 192.0.2/24"],
    ["192.88.99.1", "6to4 relay anycast"],
    ["192.168.1.1", "private 192.168/16"],
    ["198.18.0.1", "benchmarking 198.18/15"],
    ["198.19.255.254", "benchmarking 198.18/15"],
    ["198.51.100.1", "documentation"],
    ["203.0.113.1", "documentation"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved 240/4"],
    ["255.255.255.255", "broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, in hex"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata"],
    ["::127.0.0.1", "IPv4-compatible loopback"],
    ["::7f00:1", "IPv4-compatible loopback, in hex"],
    ["::8.8.8.8", "IPv4-compatible, deprecated ::/96"],
    ["::ffff:0:7f00:1", "IPv4-translated ::ffff:0:0/96"],
    ["64:ff9b::7f00:1", "NAT64 64:ff9b::/96 of loopback"],
    ["64:ff9b::808:808", "NAT64 64:ff9b::/96"],
    ["64:ff9b:1::1", "local NAT64 64:ff9b:1::/48"],
    ["100::1", "discard 100::/64"],
    ["2001:db8::1", "documentation 2001:db8::/32"],
    ["2001::1", "Teredo 2001::/32"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo 2001::/32"],
    ["2002:7f00:1::1", "6to4 2002::/16 of loopback"],
    ["2002:808:808::1", "6to4 2002::/16"],
    ["2001:2::1", "benchmarking 2001:2::/48"],
    ["2001:10::1", "ORCHID"],
    ["2001:20::1", "ORCHIDv2"],
    ["3fff::1", "documentation 3fff::/20"],
    ["4000::1", "unallocated, outside 2000::/3"],
    ["5f00::1", "segment routing 5f00::/16"],
    ["fc00::1", "unique local fc00::/7"],
    ["fd12:3456::1", "unique local fc00::/7"],
    ["fe80::1", "link-local fe80::/10"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["fec0::1", "site-local fec0::/10"],
    ["ff02::1", "multicast"],
    ["ff0e::1", "global multicast"],
    ["localhost", "a name, not an address"],
    ["2130706433", "not an address"],
    ["0x7f.0.0.1", "not an address"],
    ["", "empty"],
  ])("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address, [])).toBe(false);
  });

  it("refuses this machine's own addresses, however they are written", () => {
    expect(isPublicAddress("8.8.8.8", ["10.0.0.2", "8.8.8.8"])).toBe(false);
    expect(isPublicAddress("::ffff:8.8.8.8", ["8.8.8.8"])).toBe(false);
    expect(isPublicAddress("2606:4700:4700::1111", ["2606:4700:4700:0:0:0:0:1111"])).toBe(false);
    expect(isPublicAddress("8.8.4.4", ["8.8.8.8"])).toBe(true);
    for (const entry of Object.values(networkInterfaces()).flat()) {
      if (entry) expect(isPublicAddress(entry.address), entry.address).toBe(false);
    }
  });
});

describe("fetchScriptUrl", () => {
  const quiet = { log: () => {} };

  it("reads a JSON script by name or by address when private addresses are allowed", async () => {
    expect(await fetchScriptUrl(`http://localhost:${port}/script.json`, true, quiet)).toEqual(
      script,
    );
    expect(await fetchScriptUrl(`http://127.0.0.1:${port}/script.json`, true, quiet)).toEqual(
      script,
    );
  });

  it("refuses a name that resolves to loopback, at the moment it connects", async () => {
    const log: string[] = [];
    const options = { log: (line: string) => log.push(line) };
    expect(
      await message(fetchScriptUrl(`http://localhost:${port}/script.json`, false, options)),
    ).toBe(SCRIPT_URL_FAILED);
    expect(await message(fetchScriptUrl(`http://[::1]:${port}/script.json`, false, options))).toBe(
      SCRIPT_URL_FAILED,
    );
    expect(log).toEqual([
      expect.stringMatching(
        new RegExp(
          `^script_url from localhost:${port} not fetched: localhost resolves to (127\\.0\\.0\\.1|::1), which is not a public address; ENGINE_ALLOW_PRIVATE_SCRIPT_URLS=1 allows it$`,
        ),
      ),
      `script_url from [::1]:${port} not fetched: ::1 is not a public address; ENGINE_ALLOW_PRIVATE_SCRIPT_URLS=1 allows it`,
    ]);
  });

  it("answers every failed fetch alike and tells only the log why", async () => {
    const log: string[] = [];
    const options = { timeoutMs: 300, log: (line: string) => log.push(line) };
    const base = `http://127.0.0.1:${port}`;
    const cases: [string, RegExp][] = [
      [`${base}/moved`, /answered a redirect \(HTTP 302\), which is not followed$/],
      [`${base}/missing`, /answered HTTP 404$/],
      [`${base}/created`, /answered HTTP 201$/],
      [`${base}/huge`, /the answer is larger than 1 MB$/],
      [`${base}/text`, /the answer is not JSON$/],
      [`${base}/deep`, /the answer is refused unread: the body nests more than 32 levels deep$/],
      [`${base}/silent`, /no whole answer within 0.3 s$/],
      [`http://127.0.0.1:${closedPort}/script.json`, /ECONNREFUSED/],
      ["http://no-such-host.invalid/s.json", /no-such-host\.invalid could not be resolved$/],
    ];
    for (const [url, reason] of cases) {
      expect(await message(fetchScriptUrl(url, true, options)), url).toBe(SCRIPT_URL_FAILED);
      expect(log.at(-1), url).toMatch(reason);
    }
    expect(log).toHaveLength(cases.length);
  });

  it("logs the host alone, never a path or query that may carry a token", async () => {
    const log: string[] = [];
    await message(
      fetchScriptUrl(`http://user:pw@127.0.0.1:${port}/missing?token=s3cret`, true, {
        log: (line) => log.push(line),
      }),
    );
    expect(log).toEqual([`script_url from 127.0.0.1:${port} not fetched: answered HTTP 404`]);
  });

  it("names mistakes in the URL itself, which say nothing about the network", async () => {
    expect(await message(fetchScriptUrl("ftp://example.com/s.json", false, quiet))).toBe(
      "script_url must be http or https, not ftp",
    );
    expect(await message(fetchScriptUrl("not a url", false, quiet))).toBe(
      "script_url is not a URL",
    );
  });
});
