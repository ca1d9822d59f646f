import http from "node:http";
import type { AddressInfo } from "node:net";

export interface EchoUpstream {
  url: string;
  /** The requests the upstream received, newest last. */
  received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

/** An upstream application on loopback that answers every request with what it received, as JSON. */
export async function startEchoUpstream(): Promise<EchoUpstream> {
  const received: EchoUpstream["received"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(entry);
      if (received.length > 1000) received.shift();
      // A cookie in every answer: the fast path must drop it under Portcullis' origin (path mapping).
      res.writeHead(200, { "content-type": "application/json", "set-cookie": "upstream=1; Path=/" });
      res.end(JSON.stringify(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
