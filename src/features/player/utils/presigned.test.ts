import { describe, expect, it } from "vitest";
import { expiresAt, expiryPhrase, isExpiring, isSameOrigin, withDownloadParam } from "./presigned";

const engineUrl =
  "http://127.0.0.1:8787/api/artifacts/5f0c/video?expires=1700003600&signature=ab12";

describe("isSameOrigin", () => {
  it("tells the local engine's artifacts from a cloud bucket's", () => {
    expect(isSameOrigin(engineUrl, "http://127.0.0.1:8787")).toBe(true);
    expect(isSameOrigin("/api/artifacts/5f0c/video?x=1", "http://localhost:5173")).toBe(true);
    expect(isSameOrigin(engineUrl, "http://localhost:5173")).toBe(false);
    expect(isSameOrigin("https://cdn.odyssey.ml/v.mp4?sig=1", "http://127.0.0.1:8787")).toBe(false);
    expect(isSameOrigin("http://[bad", "http://127.0.0.1:8787")).toBe(false);
  });
});

describe("withDownloadParam", () => {
  it("appends to the query and leaves the signed part byte for byte", () => {
    expect(withDownloadParam(engineUrl)).toBe(`${engineUrl}&download=1`);
    const encoded = "/a/video?name=a%20b&sig=x%2By";
    expect(withDownloadParam(encoded)).toBe(`${encoded}&download=1`);
  });

  it("starts a query where there is none and keeps a fragment last", () => {
    expect(withDownloadParam("/a/video")).toBe("/a/video?download=1");
    expect(withDownloadParam("/a/video?")).toBe("/a/video?download=1");
    expect(withDownloadParam("/a/video?x=1#t=2")).toBe("/a/video?x=1&download=1#t=2");
  });
});

describe("expiresAt", () => {
  it("reads the local engine's expiry", () => {
    expect(expiresAt(engineUrl)).toBe(1_700_003_600_000);
  });

  it("reads an S3 presigned URL's expiry", () => {
    const s3 =
      "https://b.s3.amazonaws.com/v.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240102T030405Z&X-Amz-Expires=3600&X-Amz-Signature=f";
    expect(expiresAt(s3)).toBe(Date.UTC(2024, 0, 2, 4, 4, 5));
  });

  it("says nothing about URLs that do not say", () => {
    expect(expiresAt("https://cdn.example/v.mp4?token=abc")).toBeNull();
    expect(expiresAt("/v.mp4?expires=soon")).toBeNull();
  });
});

describe("expiry", () => {
  const now = 1_700_000_000_000;
  it("renews links about to expire, and only those", () => {
    expect(isExpiring(engineUrl, now)).toBe(false);
    expect(isExpiring(engineUrl, now + 3_500_000)).toBe(true);
    expect(isExpiring("https://cdn.example/v.mp4", now)).toBe(false);
  });

  it("says how long a copied link lasts", () => {
    expect(expiryPhrase(engineUrl, now)).toBe("in about an hour");
    expect(expiryPhrase(engineUrl, now + 300_000)).toBe("in about an hour");
    expect(expiryPhrase(engineUrl, now + 1_800_000)).toBe("in 30 minutes");
    expect(expiryPhrase(engineUrl, now + 3_590_000)).toBe("in about a minute");
    expect(expiryPhrase(engineUrl, now - 7_200_000)).toBe("in 3 hours");
    expect(expiryPhrase("https://cdn.example/v.mp4", now)).toBe("in about an hour");
  });
});
