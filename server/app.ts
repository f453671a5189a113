import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { ensureArtifactsRoot } from "./artifacts/artifact-files";
import { createSigner, loadSigningKey } from "./artifacts/signing";
import { createTokenService } from "./auth/tokens";
import type { EngineConfig } from "./config";
import { databaseFileIn, openDatabase } from "./db/database";
import { connectionOptions } from "./http/connections";
import type { EngineContext } from "./http/context";
import { installErrorHandler } from "./http/errors";
import { registerJsonBody } from "./http/json-body";
import { createRateLimiter } from "./http/rate-limit";
import { registerApiRoutes } from "./http/route-table";
import { registerArtifactRoute } from "./http/routes/serve-artifact";
import {
  assertAllowedApiOrigin,
  assertAllowedHost,
  isAllowedApiOrigin,
} from "./http/same-origin-guard";
import { SECURITY_HEADERS } from "./http/security-headers";
import { registerStudio } from "./http/studio";
import { createJobStore } from "./jobs/job-store";
import { createJobRunner, type JobRunner } from "./queue/job-runner";
import { registerCloudRelay, relayInfo } from "./relay/cloud-relay";

/** Largest request body: a batch of scripts with their images. */
export const BODY_LIMIT_BYTES = 30 * 1024 * 1024;

export interface Engine {
  app: FastifyInstance;
  /** Starts taking jobs from the queue, after recovering those the last process left. */
  startQueue(): { requeued: string[]; failed: string[] };
}

/** What tests choose besides the configuration; the defaults are what `npm start` runs. */
export interface EngineOptions {
  /**
   * The clock (milliseconds since the epoch) behind the job store's times, token and link
   * expiries and the rate limit's window. Default Date.now.
   */
  now?: () => number;
  /**
   * The database: a file path, or ":memory:". Default engine.sqlite3 in DATA_DIR. Recordings
   * and the signing key stay in DATA_DIR either way.
   */
  database?: string;
}

export async function buildEngine(
  config: EngineConfig,
  options: EngineOptions = {},
): Promise<Engine> {
  const now = options.now ?? Date.now;
  ensureArtifactsRoot(config.dataDir);
  const db = openDatabase(options.database ?? databaseFileIn(config.dataDir));
  const store = createJobStore(db, now);
  const runner = createJobRunner({
    store,
    dataDir: config.dataDir,
    workers: config.workers,
    dispatchDelayMs: config.dispatchDelayMs,
    renderMemoryMb: config.renderMemoryMb,
    log: (message) => console.error(message),
  });
  // Nothing is dispatched before startQueue has recovered what the last process left (and an
  // engine built for a test that never starts its queue renders nothing).
  let queueStarted = false;
  const gatedRunner: JobRunner = {
    ...runner,
    pump: () => {
      if (queueStarted) runner.pump();
    },
  };
  const ctx: EngineContext = {
    config,
    store,
    runner: gatedRunner,
    tokens: createTokenService(db, config, now),
    signer: createSigner(loadSigningKey(config.dataDir), now),
    rateLimiter: createRateLimiter(
      {
        jobsPerMinute: config.rateLimitPerMinute,
        videoSecondsPerMinute: config.rateLimitVideoSecondsPerMinute,
      },
      now,
    ),
  };

  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    ...connectionOptions(config),
  });
  // Beyond this, Node closes new connections as they arrive instead of running out of files.
  app.server.maxConnections = config.maxConnections;
  installErrorHandler(app);
  await app.register(helmet, SECURITY_HEADERS);
  // On every route (API, files, studio pages, relay) before its own hooks: see assertAllowedHost.
  app.addHook("onRequest", async (request) => assertAllowedHost(request, config.allowedHosts));
  app.addHook("onClose", async () => {
    await runner.stop();
    db.close();
  });

  await app.register(
    async (api) => {
      const origins = {
        allowedHosts: config.allowedHosts,
        corsOrigins: config.corsOrigins,
        publicOrigin: config.publicOrigin,
      };
      // Before CORS, so a foreign page's preflight gets a 403 and no Access-Control headers.
      api.addHook("onRequest", async (request, reply) => {
        assertAllowedApiOrigin(request, origins);
        // Presigned recording URLs work from any page that holds one, as a <video> source.
        reply.header("Cross-Origin-Resource-Policy", "cross-origin");
      });
      await api.register(cors, {
        delegator: (request, callback) =>
          callback(null, {
            origin: isAllowedApiOrigin(request, request.headers.origin, origins),
            methods: ["GET", "POST", "DELETE"],
            exposedHeaders: ["Retry-After", "Content-Range", "Content-Disposition"],
          }),
      });
      // Also how the studio learns whether this server relays the cloud, and holds a key for it.
      api.get("/health", async () => ({ status: "ok", relay: relayInfo(config.cloudRelay) }));
      registerJsonBody(api, { bodyLimit: BODY_LIMIT_BYTES, parsed: true });
      registerApiRoutes(api, ctx);
      registerArtifactRoute(api, ctx);
    },
    { prefix: "/api" },
  );
  if (config.cloudRelay) {
    await registerCloudRelay(app, {
      relay: config.cloudRelay,
      allowedHosts: config.allowedHosts,
      publicOrigin: config.publicOrigin,
      bodyLimit: BODY_LIMIT_BYTES,
    });
  }
  if (config.serveStudio) {
    await registerStudio(app, config.studioDir, { sourceMaps: config.studioSourceMaps });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: "Not Found" }));
  }

  return {
    app,
    startQueue() {
      const recovered = store.recoverInterrupted();
      queueStarted = true;
      runner.pump();
      return recovered;
    },
  };
}
