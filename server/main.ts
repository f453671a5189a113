// Entry point of `npm start` (studio + engine) and `npm run engine` (`--engine-only`).
import { mkdirSync } from "node:fs";
import { buildEngine } from "./app";
import { ConfigError, readConfig } from "./config";
import { MAX_INTERRUPTED_STARTS } from "./jobs/job-types";

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  // Everything the engine and its render processes create (the database, the signing key,
  // recordings and their folders) is for this user alone: files 0600, folders 0700.
  process.umask(0o077);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const engine = await buildEngine(config);
  const { app } = engine;
  await app.listen({ host: config.host, port: config.port });
  const recovered = engine.startQueue();
  if (recovered.requeued.length > 0 || recovered.failed.length > 0) {
    console.log(
      `Recovered after a stop: ${recovered.requeued.length} job(s) back in the queue, ${recovered.failed.length} given up after ${MAX_INTERRUPTED_STARTS} interrupted starts`,
    );
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const what = config.serveStudio ? "Simulate Studio" : "Simulate engine";
  console.log(`${what} ready on http://${host}:${port} (API root http://${host}:${port}/api)`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
