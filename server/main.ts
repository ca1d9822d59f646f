import { config } from "@/lib/config";
import { runCluster } from "./cluster";

/**
 * What `npm start` runs (compiled to dist/server/main.js by scripts/build-server.mjs): an instance of WORKERS
 * machine-API processes next to one Next process (server/cluster.ts), or with WORKERS=0 everything in this one
 * process (server.ts).
 */
const workers = config().WORKERS;
if (workers > 0) {
  runCluster(workers);
} else {
  const { startServer } = await import("../server");
  const { stop } = await startServer();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(0));
    });
  }
}
