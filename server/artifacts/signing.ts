// Presigned artifact URLs: an HMAC over the path and an expiry, so a URL works without a
// bearer token (a <video> element cannot send one) but only for the file and time it names.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The key lives in DATA_DIR so URLs handed out stay valid across restarts. */
export function loadSigningKey(dataDir: string): Buffer {
  const file = path.join(dataDir, "signing.key");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}

export type SignatureCheck = "valid" | "expired" | "forged";

/** Signatures kept for the current expiry at most; past this the memo starts again. */
const MEMO_LIMIT = 100_000;

/**
 * Signs a subject (a stream's folder of files: its four files share one signature, since
 * they are one recording with one owner) until an expiry. Expiries are rounded up to a
 * sixtieth of the time to live, so the same URL is handed out for a while: a job of
 * thousands of streams, polled every few seconds, does not redo thousands of HMACs per
 * answer, and a browser sees the same video URL between polls.
 */
export function createSigner(key: Buffer) {
  const mac = (subject: string, expires: number) =>
    createHmac("sha256", key).update(`${subject}\n${expires}`).digest("hex");
  let memoExpires = 0;
  const memo = new Map<string, string>();

  return {
    /** The query string (`?expires=…&signature=…`) that presigns `subject`. */
    sign(subject: string, ttlSeconds: number, now = Date.now()): string {
      const step = Math.max(1, Math.floor(ttlSeconds / 60));
      const expires = Math.ceil((Math.floor(now / 1000) + ttlSeconds) / step) * step;
      if (expires !== memoExpires || memo.size >= MEMO_LIMIT) {
        memo.clear();
        memoExpires = expires;
      }
      let signature = memo.get(subject);
      if (signature === undefined) {
        signature = mac(subject, expires);
        memo.set(subject, signature);
      }
      return `?expires=${expires}&signature=${signature}`;
    },

    check(subject: string, expires: unknown, signature: unknown, now = Date.now()): SignatureCheck {
      if (typeof expires !== "string" || typeof signature !== "string") return "forged";
      const seconds = Number(expires);
      if (!/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return "forged";
      const expected = Buffer.from(mac(subject, seconds), "hex");
      if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return "forged";
      return seconds * 1000 <= now ? "expired" : "valid";
    },
  };
}

/** What a stream's files are signed as: its folder under the artifacts route. */
export const streamSubject = (streamId: string) => `/api/artifacts/${streamId}/`;
export type Signer = ReturnType<typeof createSigner>;
