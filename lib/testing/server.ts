import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerClientError } from "@/lib/http/client-error";
import { machineListener } from "@/lib/http/node-listener";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The machine API and gateway fast path (no Next) on a loopback port: what server.ts serves before Next. */
export async function startApiServer(): Promise<TestServer> {
  const server = http.createServer(
    machineListener((_req, res) => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("page (served by Next in production)");
    }),
  );
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
