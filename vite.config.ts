import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const enginePort = process.env.PORT ?? "8787";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    // `npm run dev` serves the studio with hot reload and forwards the API to an engine
    // started beside it (`npm run engine`), so both modes use the same origin-relative `/api`.
    // changeOrigin stays off so the engine sees the dev server's host and signs artifact URLs
    // for it: videos then load same-origin, as they do under `npm start`.
    proxy: { "/api": { target: `http://127.0.0.1:${enginePort}`, changeOrigin: false } },
  },
  build: { sourcemap: true },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "server/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
    // Engine tests start real engine processes and render real video.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
