import Fastify, { type FastifyInstance } from "fastify";
import type { EngineConfig } from "./config";
import { registerStudio } from "./http/studio";

export async function buildApp(config: EngineConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(
    async (api) => {
      api.get("/health", async () => ({ status: "ok" }));
    },
    { prefix: "/api" },
  );
  if (config.serveStudio) await registerStudio(app, config.studioDir);
  else app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: "Not Found" }));
  return app;
}
