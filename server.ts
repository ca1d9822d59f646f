import http from "node:http";
import path from "node:path";
import next from "next";
import { config } from "@/lib/config";
import { preparePlatform } from "@/lib/console/bootstrap";
import { startCourierWorker } from "@/lib/courier";
import { startWebhookWorker } from "@/lib/selfservice";
import { closeDatabase, initDatabase } from "@/lib/db";
import { logger } from "@/lib/http/context";
import { answerClientError } from "@/lib/http/client-error";
import { machineListener } from "@/lib/http/node-listener";
import { loadSetupHost } from "@/lib/request-origin";

/**
 * One process, two paths: machine endpoints from lib/http/routes.ts and requests to a project's gateway go
 * straight to their framework-free handlers (lib/http/node-listener.ts); everything else (pages, assets)
 * goes to Next's request handler.
 */
export async function startServer(options: { port?: number; dev?: boolean } = {}) {
  const cfg = config();
  const log = logger();
  const db = await initDatabase({ migrate: true });
  log.info("database ready", { embedded: db.embedded });
  // The console signs its users in through the built-in platform project: create it, move legacy users onto it.
  await preparePlatform();
  // Without PUBLIC_URL/BASE_DOMAIN the host the install was set up on is served (lib/request-origin).
  await loadSetupHost({ force: true });
  // Background work: mail delivery with retries from the persisted queue.
  const courier = startCourierWorker();
  const webhooks = startWebhookWorker();

  // Next learns the address it is served on (hostname/port): server-action redirects fetch the target from
  // it, and without them Next assumes 127.0.0.1:3000 (ECONNREFUSED on any other port). The port is known
  // only after listen (port 0 in tests), so requests wait for Next to be ready.
  type NextHandler = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;
  let markReady: (handle: NextHandler) => void = () => undefined;
  const nextReady = new Promise<NextHandler>((resolve) => (markReady = resolve));
  const handleWithNext = (req: http.IncomingMessage, res: http.ServerResponse) => nextReady.then((handle) => handle(req, res));

  const server = http.createServer(machineListener((req, res) => void handleWithNext(req, res)));
  server.keepAliveTimeout = 65_000;
  server.on("clientError", answerClientError);

  const port = options.port ?? cfg.PORT;
  await new Promise<void>((resolve) => server.listen(port, cfg.HOST, resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const app = next({ dev: options.dev ?? false, dir: path.resolve("."), quiet: true, hostname: loopbackFor(cfg.HOST), port: actualPort });
  await app.prepare();
  markReady(app.getRequestHandler());
  log.info("portcullis listening", { url: `http://localhost:${actualPort}` });

  const stop = async () => {
    await courier.stop();
    await webhooks.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await app.close?.();
    await closeDatabase();
  };
  return { server, port: actualPort, stop };
}

/** The host Next reaches this server on: a wildcard bind address is reached through the loopback. */
function loopbackFor(host: string): string {
  return host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
}
