import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { defineConfig } from "vitest/config";

const enginePort = process.env.PORT ?? "8787";

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // Every text file (not the source maps) also as .br and .gz, made once here at full
    // strength, so the engine sends them as they are (server/http/studio.ts).
    compression({ algorithms: ["brotliCompress", "gzip"] }),
  ],
  server: {
    // `npm run dev` serves the studio with hot reload and forwards the API to an engine
    // started beside it (`npm run engine`), so both modes use the same origin-relative `/api`.
    // changeOrigin stays off so the engine sees the dev server's host and signs artifact URLs
    // for it: videos then load same-origin, as they do under `npm start`.
    proxy: { "/api": { target: `http://127.0.0.1:${enginePort}`, changeOrigin: false } },
  },
  // The maps are written beside the bundle, but the engine sends them only when
  // STUDIO_SOURCE_MAPS=1 (server/http/studio.ts): debugging a built studio needs no rebuild.
  build: {
    sourcemap: true,
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "server/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
    // Engine tests start real engine processes and render real video.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
