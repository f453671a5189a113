import cors from "@fastify/cors";
import Fastify, { type FastifyInstance } from "fastify";
import { mkdirSync } from "node:fs";
import { artifactsRoot } from "./artifacts/artifact-files";
import { createSigner, loadSigningKey } from "./artifacts/signing";
import { createTokenService } from "./auth/tokens";
import type { EngineConfig } from "./config";
import { openDatabase } from "./db/database";
import type { EngineContext } from "./http/context";
import { installErrorHandler } from "./http/errors";
import { createRateLimiter } from "./http/rate-limit";
import { registerApiRoutes } from "./http/route-table";
import { registerArtifactRoute } from "./http/routes/serve-artifact";
import { registerStudio } from "./http/studio";
import { createJobStore } from "./jobs/job-store";
import { createJobRunner } from "./queue/job-runner";
import { registerCloudRelay, relayInfo } from "./relay/cloud-relay";

/** Largest request body: a batch of scripts with their images. */
export const BODY_LIMIT_BYTES = 30 * 1024 * 1024;

export interface Engine {
  app: FastifyInstance;
  /** Starts taking jobs from the queue, after recovering those the last process left. */
  startQueue(): { requeued: string[]; failed: string[] };
}

export async function buildEngine(config: EngineConfig): Promise<Engine> {
  mkdirSync(artifactsRoot(config.dataDir), { recursive: true });
  const db = openDatabase(config.dataDir);
  const store = createJobStore(db);
  const runner = createJobRunner({
    store,
    dataDir: config.dataDir,
    workers: config.workers,
    dispatchDelayMs: config.dispatchDelayMs,
    log: (message) => console.error(message),
  });
  const ctx: EngineContext = {
    config,
    store,
    runner,
    tokens: createTokenService(db, config),
    signer: createSigner(loadSigningKey(config.dataDir)),
    rateLimiter: createRateLimiter(config.rateLimitPerMinute),
  };

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  installErrorHandler(app);
  app.addHook("onClose", async () => {
    await runner.stop();
    db.close();
  });

  await app.register(
    async (api) => {
      // Bearer tokens, never cookies, so any origin may call the API, as with Odyssey's own.
      await api.register(cors, {
        origin: true,
        methods: ["GET", "POST", "DELETE"],
        exposedHeaders: ["Retry-After", "Content-Range", "Content-Disposition"],
      });
      // Also how the studio learns whether this server relays the cloud, and holds a key for it.
      api.get("/health", async () => ({ status: "ok", relay: relayInfo(config.cloudRelay) }));
      registerApiRoutes(api, ctx);
      registerArtifactRoute(api, ctx);
    },
    { prefix: "/api" },
  );
  if (config.cloudRelay) {
    await registerCloudRelay(app, {
      relay: config.cloudRelay,
      allowedHosts: config.allowedHosts,
      bodyLimit: BODY_LIMIT_BYTES,
    });
  }
  if (config.serveStudio) await registerStudio(app, config.studioDir);
  else app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: "Not Found" }));

  return {
    app,
    startQueue() {
      const recovered = store.recoverInterrupted();
      runner.pump();
      return recovered;
    },
  };
}
