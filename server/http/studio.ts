// Serves the built studio: its hashed assets as files, and index.html for every other
// GET outside /api, so deep links such as /jobs/123 survive a reload.
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import path from "node:path";

export async function registerStudio(app: FastifyInstance, studioDir: string): Promise<void> {
  if (!existsSync(path.join(studioDir, "index.html"))) {
    throw new Error(`The studio is not built (no ${studioDir}/index.html): run "npm run build".`);
  }
  await app.register(fastifyStatic, {
    root: studioDir,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      // Vite fingerprints everything under assets/, so those may be cached for good.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header("Cache-Control", "public, max-age=31536000, immutable");
      }
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    if (request.method !== "GET" || url === "/api" || url.startsWith("/api/")) {
      return reply.code(404).send({ detail: "Not Found" });
    }
    return reply.header("Cache-Control", "no-cache").sendFile("index.html");
  });
}
