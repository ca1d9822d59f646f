import http from "node:http";
import path from "node:path";
import next from "next";
import { config } from "@/lib/config";
import { preparePlatform } from "@/lib/console/bootstrap";
import { isRelayMessage, receiveRelayed, relayInstanceWide } from "@/lib/core/instance-wide";
import { startCourierWorker } from "@/lib/courier";
import { closeDatabase, initDatabase } from "@/lib/db";
import { logger } from "@/lib/http/context";
import { loadSetupHost, useFrontSecret } from "@/lib/request-origin";
import { startWebhookWorker } from "@/lib/selfservice";
import { isToChild, type FromChild, type ToChild } from "./messages";
import { brotliStatic } from "./static-brotli";

type NextHandler = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;

/**
 * The instance's one Next process (server/cluster.ts): hosted pages and the console, reached only from the
 * machine-API processes on a loopback port. It opens the database first (migrations; on the embedded database
 * it owns PGlite and serves it to the others) and runs the background work (mail, identity web hooks).
 */
async function serve(start: Extract<ToChild, { type: "start" }>): Promise<void> {
  const log = logger();
  useFrontSecret(start.secret);
  relayInstanceWide((message) => process.send?.(message));
  const db = await initDatabase({ migrate: true });
  log.info("database ready", { embedded: db.embedded });
  await preparePlatform();
  await loadSetupHost({ force: true });
  const courier = startCourierWorker();
  const webhooks = startWebhookWorker();

  // Requests wait for Next, which can only be created once the public port is known (see server.ts).
  let markReady: (handle: NextHandler) => void = () => undefined;
  const nextReady = new Promise<NextHandler>((resolve) => (markReady = resolve));
  // Static scripts and stylesheets with Brotli where the browser takes it; everything else is Next's.
  const staticBrotli = brotliStatic(path.resolve(".next", "static"));
  const server = http.createServer((req, res) => void staticBrotli(req, res).catch(() => false).then((served) => (served ? undefined : nextReady.then((handle) => handle(req, res)))));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  send({ type: "db-ready", port: typeof address === "object" && address ? address.port : 0 });

  let app: ReturnType<typeof next> | undefined;
  process.on("message", (message: unknown) => {
    if (!isToChild(message) || message.type !== "public-port" || app) return;
    app = next({ dev: false, dir: path.resolve("."), quiet: true, hostname: loopbackFor(config().HOST), port: message.port });
    const created = app;
    created.prepare().then(
      () => {
        markReady(created.getRequestHandler());
        send({ type: "next-ready" });
      },
      (error: unknown) => {
        log.error("next failed to start", { error: String(error) });
        process.exit(1);
      },
    );
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await courier.stop();
      await webhooks.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      server.closeAllConnections();
      await app?.close?.();
      await closeDatabase();
      process.exit(0);
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  process.once("disconnect", () => void stop());
}

function send(message: FromChild): void {
  process.send?.(message);
}

/** The host Next reaches the app on: a wildcard bind address is reached through the loopback. */
function loopbackFor(host: string): string {
  return host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
}

process.on("message", (message: unknown) => {
  if (isRelayMessage(message)) return receiveRelayed(message);
  if (isToChild(message) && message.type === "start") {
    serve(message).catch((error: unknown) => {
      logger().error("next process failed to start", { error: String(error) });
      process.exit(1);
    });
  }
});
