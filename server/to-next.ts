import http from "node:http";
import { logger } from "@/lib/http/context";

/** Per-hop headers (RFC 9110 §7.6.1): about one connection, never forwarded. */
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

function withoutHopHeaders(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

const BAD_GATEWAY = '{"error":{"code":502,"status":"Bad Gateway","message":"The page server is not reachable"}}';

/**
 * A machine-API process hands what it does not serve (pages, assets, server actions) to the instance's Next
 * process on its loopback port, streaming both ways over kept-alive connections. The request arrives with the
 * front header and forwarding headers already set by lib/http/node-listener.ts, which Next's side trusts.
 */
export function forwardToNext(port: number): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 32 });
  return (req, res) => {
    const upstream = http.request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: withoutHopHeaders(req.headers), agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopHeaders(answer.headers));
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      },
    );
    let clientGone = false;
    upstream.on("error", (error) => {
      if (clientGone) return;
      logger().warn("next process unreachable", { error: String(error) });
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(BAD_GATEWAY);
    });
    // A client gone before the answer ends: stop Next's work on it too.
    res.on("close", () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    req.pipe(upstream);
  };
}
