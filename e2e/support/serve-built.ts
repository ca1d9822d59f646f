import { startServer } from "../../server";

// A second app instance for specs that need a fresh database: the same server as `npm start`, on the
// build the main instance has just checked (no second build racing the first over .next/).
// With `--dev`, Next runs in development mode (E2E_DEV=1: iterate on the UI without a production build).
const { stop } = await startServer({ dev: process.argv.includes("--dev") });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stop().finally(() => process.exit(0));
  });
}
