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

export function createSigner(key: Buffer) {
  const mac = (pathname: string, expires: number) =>
    createHmac("sha256", key).update(`${pathname}\n${expires}`).digest("hex");

  return {
    sign(pathname: string, ttlSeconds: number, now = Date.now()): string {
      const expires = Math.floor(now / 1000) + ttlSeconds;
      return `${pathname}?expires=${expires}&signature=${mac(pathname, expires)}`;
    },

    check(
      pathname: string,
      expires: unknown,
      signature: unknown,
      now = Date.now(),
    ): SignatureCheck {
      if (typeof expires !== "string" || typeof signature !== "string") return "forged";
      const seconds = Number(expires);
      if (!/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return "forged";
      const expected = Buffer.from(mac(pathname, seconds), "hex");
      if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return "forged";
      return seconds * 1000 <= now ? "expired" : "valid";
    },
  };
}

export type Signer = ReturnType<typeof createSigner>;
