// API keys are exchanged for short-lived bearer tokens, as on Odyssey's hosted API. Tokens are
// stored hashed, in the database, so they survive a restart and a leaked database holds none.
import { createHash, randomBytes } from "node:crypto";
import type { EngineConfig } from "../config";
import type { Db } from "../db/database";

export interface Principal {
  tenant: string;
  privileged: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A key's tenant: stable per key, and not the key itself, so nothing stored reveals keys. */
export const tenantOf = (apiKey: string) => sha256(`tenant:${apiKey}`).slice(0, 32);

export function createTokenService(db: Db, config: EngineConfig) {
  const insert = db.prepare(
    "INSERT INTO tokens (token_hash, tenant, privileged, expires_at) VALUES (?, ?, ?, ?)",
  );
  const select = db.prepare<[string], { tenant: string; privileged: number; expires_at: number }>(
    "SELECT tenant, privileged, expires_at FROM tokens WHERE token_hash = ?",
  );
  const purge = db.prepare<[number]>("DELETE FROM tokens WHERE expires_at <= ?");

  return {
    isAcceptedKey(apiKey: string): boolean {
      return apiKey.trim() !== "" && (config.apiKeys === null || config.apiKeys.has(apiKey));
    },

    issue(apiKey: string): { accessToken: string; expiresIn: number } {
      purge.run(Date.now());
      const accessToken = randomBytes(32).toString("base64url");
      const expiresIn = config.tokenTtlSeconds;
      insert.run(
        sha256(accessToken),
        tenantOf(apiKey),
        config.privilegedKeys.has(apiKey) ? 1 : 0,
        Date.now() + expiresIn * 1000,
      );
      return { accessToken, expiresIn };
    },

    verify(accessToken: string): Principal | null {
      const row = select.get(sha256(accessToken));
      if (!row || row.expires_at <= Date.now()) return null;
      return { tenant: row.tenant, privileged: row.privileged === 1 };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
