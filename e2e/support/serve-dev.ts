import { startServer } from "../../server";

// E2E_DEV=1: the same server as `npm start`, with Next in development mode (no production build needed).
const { stop } = await startServer({ dev: true });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stop().finally(() => process.exit(0));
  });
}
