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

/**
 * Signs a subject until an expiry. The subject is a stream's folder: its four files share one
 * signature, since they are one recording with one owner, so a poll of a job of thousands of
 * streams makes one HMAC per stream, not four.
 */
export function createSigner(key: Buffer, now: () => number = Date.now) {
  const mac = (subject: string, expires: number) =>
    createHmac("sha256", key).update(`${subject}\n${expires}`).digest("hex");

  return {
    /** The query string (`?expires=…&signature=…`) that presigns `subject` for `ttlSeconds`. */
    sign(subject: string, ttlSeconds: number, at = now()): string {
      const expires = Math.floor(at / 1000) + ttlSeconds;
      return `?expires=${expires}&signature=${mac(subject, expires)}`;
    },

    check(subject: string, expires: unknown, signature: unknown, at = now()): SignatureCheck {
      if (typeof expires !== "string" || typeof signature !== "string") return "forged";
      const seconds = Number(expires);
      if (!/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return "forged";
      const expected = Buffer.from(mac(subject, seconds), "hex");
      if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return "forged";
      return seconds * 1000 <= at ? "expired" : "valid";
    },
  };
}

/** What a stream's files are signed as: its folder under the artifacts route. */
export const streamSubject = (streamId: string) => `/api/artifacts/${streamId}/`;
export type Signer = ReturnType<typeof createSigner>;
