import http from "node:http";
import { config } from "@/lib/config";
import { isRelayMessage, receiveRelayed, relayInstanceWide } from "@/lib/core/instance-wide";
import { closeDatabase, initDatabase } from "@/lib/db";
import { answerClientError } from "@/lib/http/client-error";
import { logger } from "@/lib/http/context";
import { machineListener } from "@/lib/http/node-listener";
import { loadSetupHost, useFrontSecret } from "@/lib/request-origin";
import { isToChild, type FromChild, type ToChild } from "./messages";
import { forwardToNext } from "./to-next";

/**
 * One machine-API process (a node:cluster worker of server/cluster.ts): the framework-free route table and the
 * gateway, on the instance's shared listening socket; pages go to the Next process. It joins the database the
 * Next process opened (migrated, and on the embedded database served by it) and serves no background work.
 */
async function serve(start: Extract<ToChild, { type: "start" }>): Promise<void> {
  const cfg = config();
  useFrontSecret(start.secret);
  relayInstanceWide((message) => process.send?.(message));
  await initDatabase({ migrate: false });
  await loadSetupHost({ force: true });

  const server = http.createServer(machineListener(forwardToNext(start.nextPort ?? 0)));
  server.keepAliveTimeout = 65_000;
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(cfg.PORT, cfg.HOST, resolve));
  const address = server.address();
  send({ type: "listening", port: typeof address === "object" && address ? address.port : cfg.PORT });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let in-flight requests finish (kept-alive idle connections are closed), then leave.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      server.closeAllConnections();
      await closeDatabase();
      process.exit(0);
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  process.once("disconnect", () => void stop());
}

function send(message: FromChild): void {
  process.send?.(message);
}

process.on("message", (message: unknown) => {
  if (isRelayMessage(message)) return receiveRelayed(message);
  if (isToChild(message) && message.type === "start") {
    serve(message).catch((error: unknown) => {
      logger().error("machine process failed to start", { error: String(error) });
      process.exit(1);
    });
  }
});
