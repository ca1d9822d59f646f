import http from "node:http";
import path from "node:path";
import next from "next";
import { config } from "@/lib/config";
import { startCourierWorker } from "@/lib/courier";
import { startWebhookWorker } from "@/lib/webhooks";
import { closeDatabase, initDatabase } from "@/lib/db";
import { logger } from "@/lib/http/context";
import { dispatch, toApiRequest, writeApiResponse } from "@/lib/http";
import { projectPathForHost } from "@/lib/http/host-mapping";

/**
 * One process, two paths: machine endpoints from lib/http/routes.ts go straight to their framework-free
 * handlers; everything else (pages, assets) goes to Next's request handler.
 */
export async function startServer(options: { port?: number; dev?: boolean } = {}) {
  const cfg = config();
  const log = logger();
  const db = await initDatabase({ migrate: true });
  log.info("database ready", { embedded: db.embedded });
  // Background work: mail delivery with retries from the persisted queue.
  const courier = startCourierWorker();
  const webhooks = startWebhookWorker();

  const app = next({ dev: options.dev ?? false, dir: path.resolve("."), quiet: true });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    const mapped = projectPathForHost(req.headers.host, (req.url ?? "/").split("?")[0], cfg.BASE_DOMAIN);
    if (mapped) req.url = mapped + (req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "");
    const request = toApiRequest(req);
    dispatch(request).then(
      (response) => (response ? writeApiResponse(res, response, req.method === "HEAD") : handleWithNext(req, res)),
      (error: unknown) => {
        log.error("request failed", { error: String(error) });
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end('{"error":{"code":500,"status":"Internal Server Error","message":"An internal server error occurred"}}');
      },
    );
  });
  server.keepAliveTimeout = 65_000;

  const port = options.port ?? cfg.PORT;
  await new Promise<void>((resolve) => server.listen(port, cfg.HOST, resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
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
