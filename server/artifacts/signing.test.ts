import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSigner, streamSubject } from "./signing";

const query = (signed: string) => new URLSearchParams(signed.slice(1));

describe("presigned URLs", () => {
  const signer = createSigner(randomBytes(32));
  const subject = streamSubject("stream-1");
  const t0 = Date.UTC(2026, 11, 1, 12, 0, 1);

  it("last exactly their time to live, and one signature covers a stream's files", () => {
    const signed = query(signer.sign(subject, 3600, t0));
    expect(Number(signed.get("expires")) * 1000).toBe(Math.floor(t0 / 1000) * 1000 + 3600_000);
    expect(signed.get("signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(signer.sign(subject, 3600, t0 + 1000)).not.toBe(signer.sign(subject, 3600, t0));
  });

  it("check a stream's signature until it expires, and nothing else", () => {
    const signed = query(signer.sign(subject, 60, t0));
    const [expires, signature] = [signed.get("expires"), signed.get("signature")];
    expect(signer.check(subject, expires, signature, t0)).toBe("valid");
    expect(signer.check(subject, expires, signature, t0 + 61_000)).toBe("expired");
    expect(signer.check(streamSubject("stream-2"), expires, signature, t0)).toBe("forged");
    expect(signer.check(subject, String(Number(expires) + 60), signature, t0)).toBe("forged");
    expect(signer.check(subject, expires, "0".repeat(64), t0)).toBe("forged");
    expect(signer.check(subject, undefined, signature, t0)).toBe("forged");
  });
});
