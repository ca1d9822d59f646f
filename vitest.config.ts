import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "bench/**/*.test.ts", "components/**/*.test.ts", "bin/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules", ".next", "e2e"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    // Migrating a fresh embedded (PGlite) database takes most of a minute on a busy 2-core machine.
    hookTimeout: process.env.TEST_DB === "pglite" ? 180_000 : 60_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test" },
  },
});
