// How the studio's built files travel: compressed as the build left them (.br, .gz) when the
// browser accepts it, hashed assets cached for good, the page revalidated, source maps kept
// back unless STUDIO_SOURCE_MAPS=1. In process (app.inject), over a stand-in for the build.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEngine, type Engine } from "./app";
import { readConfig } from "./config";
import { removeDataDir } from "./test/engine-process";

const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-studio-files-test-"));
const studioDir = path.join(dataDir, "dist");
const page = `<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body>${"<div></div>".repeat(200)}</body></html>`;
const script = `export const words = ${JSON.stringify("compressible ".repeat(500))};\n//# sourceMappingURL=app-1a2b3c.js.map\n`;
const map = JSON.stringify({ version: 3, sources: ["../src/main.tsx"], mappings: "AAAA" });

/** Writes a file with its .br and .gz beside it, as vite-plugin-compression2 does. */
function writeCompressed(file: string, text: string) {
  writeFileSync(file, text);
  writeFileSync(`${file}.br`, brotliCompressSync(text));
  writeFileSync(`${file}.gz`, gzipSync(text));
}

const engines: { plain?: Engine; withMaps?: Engine } = {};

beforeAll(async () => {
  mkdirSync(path.join(studioDir, "assets"), { recursive: true });
  writeCompressed(path.join(studioDir, "index.html"), page);
  writeCompressed(path.join(studioDir, "assets", "app-1a2b3c.js"), script);
  writeFileSync(path.join(studioDir, "assets", "app-1a2b3c.js.map"), map);
  const config = { ...readConfig({ DATA_DIR: dataDir, PORT: "8787" }, []), studioDir };
  engines.plain = await buildEngine(config);
  engines.withMaps = await buildEngine({ ...config, studioSourceMaps: true });
});
afterAll(async () => {
  await engines.plain?.app.close();
  await engines.withMaps?.app.close();
  removeDataDir(dataDir);
});

const get = (url: string, headers: Record<string, string> = {}, engine = engines.plain) =>
  (engine as Engine).app.inject({
    method: "GET",
    url,
    headers: { host: "127.0.0.1:8787", ...headers },
  });

const decoders: Record<string, (body: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

describe("the studio's files", () => {
  for (const [url, original, type] of [
    ["/assets/app-1a2b3c.js", script, /^text\/javascript|^application\/javascript/],
    ["/", page, /^text\/html/],
    ["/jobs/123", page, /^text\/html/],
  ] as const) {
    for (const encoding of ["br", "gzip"]) {
      it(`sends ${url} as the build's ${encoding} file to a browser that accepts it`, async () => {
        const response = await get(url, { "accept-encoding": `${encoding}, identity` });
        expect(response.statusCode).toBe(200);
        expect(response.headers["content-encoding"]).toBe(encoding);
        expect(response.headers["content-type"]).toMatch(type);
        expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
        expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(original));
        expect((decoders[encoding] as (b: Buffer) => Buffer)(response.rawPayload).toString()).toBe(
          original,
        );
      });
    }

    it(`sends ${url} as it is to a client that accepts no compression`, async () => {
      for (const headers of [{}, { "accept-encoding": "identity" }] as Record<string, string>[]) {
        const response = await get(url, headers);
        expect(response.statusCode).toBe(200);
        expect(response.headers["content-encoding"]).toBeUndefined();
        expect(response.headers["content-type"]).toMatch(type);
        // A shared cache must not hand this plain copy to a browser that asked for br.
        expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
        expect(response.body).toBe(original);
      }
    });
  }

  it("prefers brotli when the browser accepts both", async () => {
    const response = await get("/assets/app-1a2b3c.js", { "accept-encoding": "gzip, deflate, br" });
    expect(response.headers["content-encoding"]).toBe("br");
  });

  it("lets browsers keep hashed assets for good, compressed or not", async () => {
    for (const encoding of ["br", "gzip", "identity"]) {
      const response = await get("/assets/app-1a2b3c.js", { "accept-encoding": encoding });
      expect(response.headers["cache-control"], encoding).toBe(
        "public, max-age=31536000, immutable",
      );
    }
  });

  it("makes browsers ask whether the page is current, and answers 304 when it is", async () => {
    for (const url of ["/", "/jobs/123", "/index.html"]) {
      const first = await get(url, { "accept-encoding": "br" });
      expect(first.headers["cache-control"], url).toBe("no-cache");
      const validator: Record<string, string> = first.headers.etag
        ? { "if-none-match": String(first.headers.etag) }
        : { "if-modified-since": String(first.headers["last-modified"]) };
      const again = await get(url, { "accept-encoding": "br", ...validator });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length, url).toBe(0);
    }
  });

  it("keeps the security headers on compressed answers", async () => {
    for (const url of ["/", "/assets/app-1a2b3c.js"]) {
      const response = await get(url, { "accept-encoding": "br" });
      expect(response.headers["content-security-policy"], url).toContain("script-src 'self'");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["x-frame-options"], url).toBe("DENY");
    }
  });

  it("keeps the source maps back unless STUDIO_SOURCE_MAPS=1", async () => {
    const refused = await get("/assets/app-1a2b3c.js.map");
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain("sources");
    expect(refused.body).not.toContain("<!doctype");

    const served = await get("/assets/app-1a2b3c.js.map", {}, engines.withMaps);
    expect(served.statusCode).toBe(200);
    expect(served.json()).toEqual(JSON.parse(map));
  });

  it("answers a missing asset with 404, not the page in its place", async () => {
    const missing = await get("/assets/app-old999.js", { "accept-encoding": "br" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).not.toMatch(/html/);
  });

  it("reads STUDIO_SOURCE_MAPS as a flag, off unless set", () => {
    expect(readConfig({}, []).studioSourceMaps).toBe(false);
    expect(readConfig({ STUDIO_SOURCE_MAPS: "1" }, []).studioSourceMaps).toBe(true);
    expect(() => readConfig({ STUDIO_SOURCE_MAPS: "maybe" }, [])).toThrow(/STUDIO_SOURCE_MAPS/);
  });
});
