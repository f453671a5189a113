// API keys are exchanged for short-lived bearer tokens, as on Odyssey's hosted API. Tokens are
// stored hashed, in the database, so they survive a restart and a leaked database holds none.
import { createHash, randomBytes } from "node:crypto";
import type { EngineConfig } from "../config";
import type { Db } from "../db/database";
import { HttpError } from "../http/errors";

export interface Principal {
  tenant: string;
  privileged: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A key's tenant: stable per key, and not the key itself, so nothing stored reveals keys. */
export const tenantOf = (apiKey: string) => sha256(`tenant:${apiKey}`).slice(0, 32);

/** Which key a token came from, stored with it in place of the key. */
const keyHashOf = (apiKey: string) => sha256(`key:${apiKey}`);

/** `now` is the clock expiries are set and checked by. */
export function createTokenService(db: Db, config: EngineConfig, now: () => number = Date.now) {
  const insert = db.prepare(
    "INSERT INTO tokens (token_hash, tenant, privileged, expires_at, key_hash) VALUES (?, ?, ?, ?, ?)",
  );
  const select = db.prepare<
    [string],
    { tenant: string; privileged: number; expires_at: number; key_hash: string | null }
  >("SELECT tenant, privileged, expires_at, key_hash FROM tokens WHERE token_hash = ?");
  // Tokens outlive the process that issued them; the keys accepted are this process's.
  const acceptedKeyHashes = config.apiKeys && new Set([...config.apiKeys].map(keyHashOf));
  const privilegedKeyHashes = new Set([...config.privilegedKeys].map(keyHashOf));
  const purge = db.prepare<[number]>("DELETE FROM tokens WHERE expires_at <= ?");

  return {
    isAcceptedKey(apiKey: string): boolean {
      return apiKey.trim() !== "" && (config.apiKeys === null || config.apiKeys.has(apiKey));
    },

    issue(apiKey: string): { accessToken: string; expiresIn: number } {
      const t = now();
      purge.run(t);
      const accessToken = randomBytes(32).toString("base64url");
      const expiresIn = config.tokenTtlSeconds;
      insert.run(
        sha256(accessToken),
        tenantOf(apiKey),
        config.privilegedKeys.has(apiKey) ? 1 : 0,
        t + expiresIn * 1000,
        keyHashOf(apiKey),
      );
      return { accessToken, expiresIn };
    },

    /**
     * The token's principal; null for an unknown or expired token. A token whose key is no
     * longer accepted is refused with a 401 that says so.
     */
    verify(accessToken: string): Principal | null {
      const row = select.get(sha256(accessToken));
      if (!row || row.expires_at <= now()) return null;
      if (acceptedKeyHashes && (row.key_hash === null || !acceptedKeyHashes.has(row.key_hash))) {
        throw new HttpError(
          401,
          "The API key this access token was issued for is no longer accepted by this engine " +
            "(ENGINE_API_KEYS); exchange an accepted key for a new token",
          { "WWW-Authenticate": 'Bearer error="invalid_token"' },
        );
      }
      const privileged =
        row.key_hash === null ? row.privileged === 1 : privilegedKeyHashes.has(row.key_hash);
      return { tenant: row.tenant, privileged };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
