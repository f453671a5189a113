// Serves the built studio: its hashed assets as files, and index.html for every other
// GET outside /api, so deep links such as /jobs/123 survive a reload.
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import path from "node:path";

export interface StudioOptions {
  /**
   * Send the build's source maps (STUDIO_SOURCE_MAPS=1). Off by default: no page needs them,
   * they are several times the size of the code, and they carry every source file whole.
   */
  sourceMaps?: boolean;
}

/** Vite fingerprints every file under assets/, so a name never changes meaning. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The page names the current assets: a browser may keep it but must ask whether it is current. */
const REVALIDATE = "no-cache";

export async function registerStudio(
  app: FastifyInstance,
  studioDir: string,
  options: StudioOptions = {},
): Promise<void> {
  if (!existsSync(path.join(studioDir, "index.html"))) {
    throw new Error(`The studio is not built (no ${studioDir}/index.html): run "npm run build".`);
  }
  const isSourceMap = (pathname: string) => pathname.endsWith(".map");
  await app.register(fastifyStatic, {
    root: studioDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each text file (vite.config.ts); the one the browser
    // accepts is sent as it is, with Content-Encoding and Vary: Accept-Encoding.
    preCompressed: true,
    allowedPath: (pathname) => options.sourceMaps === true || !isSourceMap(pathname),
    setHeaders(res, filePath) {
      const relative = path.relative(studioDir, filePath);
      res.header(
        "Cache-Control",
        relative.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE,
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?", 1)[0] as string;
    if (
      request.method !== "GET" ||
      pathname === "/api" ||
      pathname.startsWith("/api/") ||
      // A missing asset (an old build's, a refused map) is a 404, never the page in its place:
      // a browser would try to run the HTML as a script.
      pathname.startsWith("/assets/") ||
      isSourceMap(pathname)
    ) {
      return reply.code(404).send({ detail: "Not Found" });
    }
    return reply.sendFile("index.html");
  });
}
