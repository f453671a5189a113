import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSigner, streamSubject } from "./signing";

const query = (signed: string) => new URLSearchParams(signed.slice(1));

describe("presigned URLs", () => {
  const signer = createSigner(randomBytes(32));
  const subject = streamSubject("stream-1");
  const t0 = Date.UTC(2026, 11, 1, 12, 0, 1);

  it("hand out the same URL for a sixtieth of their life, and always at least the whole life", () => {
    const first = signer.sign(subject, 3600, t0);
    expect(signer.sign(subject, 3600, t0 + 30_000)).toBe(first);
    const expires = Number(query(first).get("expires"));
    expect(expires * 1000 - t0).toBeGreaterThanOrEqual(3600_000);
    expect(expires * 1000 - t0).toBeLessThanOrEqual(3660_000);
    expect(signer.sign(subject, 3600, t0 + 61_000)).not.toBe(first);
    // A short life rounds by the second, so a 4 s link really lapses after about 4 s.
    const short = Number(query(signer.sign(subject, 4, t0)).get("expires"));
    expect(short * 1000 - t0).toBe(4000);
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
