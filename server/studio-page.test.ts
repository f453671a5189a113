// What the studio's server sends with its pages, its API answers and its files: a strict
// Content-Security-Policy and the headers beside it, and a refusal for any Host that is not one
// of its names. In process (app.inject), over a stand-in for the built studio.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEngine, type Engine } from "./app";
import { readConfig } from "./config";
import { removeDataDir } from "./test/engine-process";

const dataDir = mkdtempSync(path.join(tmpdir(), "simulate-studio-page-test-"));
const studioDir = path.join(dataDir, "dist");
let engine: Engine;

beforeAll(async () => {
  mkdirSync(path.join(studioDir, "assets"), { recursive: true });
  writeFileSync(
    path.join(studioDir, "index.html"),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(path.join(studioDir, "assets", "app.js"), "export {};\n");
  const config = readConfig({ DATA_DIR: dataDir, PORT: "8787" }, []);
  engine = await buildEngine({ ...config, studioDir });
});
afterAll(async () => {
  await engine?.app.close();
  removeDataDir(dataDir);
});

const get = (url: string, host = "127.0.0.1:8787") =>
  engine.app.inject({ method: "GET", url, headers: { host } });

describe("the studio's page", () => {
  it("is sent with a Content-Security-Policy that runs only the studio's own scripts", async () => {
    const page = await get("/jobs/123");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const policy = new Map(
      String(page.headers["content-security-policy"])
        .split(";")
        .map((directive) => {
          const [name, ...sources] = directive.trim().split(/\s+/);
          return [name, sources];
        }),
    );
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    // Recordings and thumbnails come from wherever the API root in Settings keeps them.
    for (const directive of ["img-src", "media-src", "connect-src"]) {
      expect(policy.get(directive), directive).toEqual(
        expect.arrayContaining(["'self'", "https:", "http:"]),
      );
    }
    expect(policy.get("img-src")).toEqual(expect.arrayContaining(["data:", "blob:"]));
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("*");
    }
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");

    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect(page.headers["cross-origin-resource-policy"]).toBe("same-origin");
  });

  it("sends the same headers with its scripts and the API's answers", async () => {
    for (const url of ["/assets/app.js", "/api/health"]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["referrer-policy"], url).toBe("no-referrer");
    }
    // A recording's presigned URL is made to be played from any page that holds it.
    expect((await get("/api/health")).headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("refuses a Host that is not one of the server's names, in words", async () => {
    for (const url of ["/", "/jobs/123", "/assets/app.js"]) {
      const refused = await get(url, "evil.example");
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json<{ detail: string }>().detail, url).toBe(
        'This server does not answer to the host name "evil.example". ' +
          "Add it to ENGINE_ALLOWED_HOSTS if it is really this server's.",
      );
      expect(refused.body, url).not.toContain("<script");
    }
    expect((await get("/", "localhost:8787")).statusCode).toBe(200);
  });
});
