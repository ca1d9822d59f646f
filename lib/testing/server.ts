import http from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch, toApiRequest, writeApiResponse } from "@/lib/http";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The machine API alone (no Next) on a loopback port: what server.ts serves before Next. */
export async function startApiServer(): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    dispatch(toApiRequest(req)).then(
      (response) => writeApiResponse(res, response ?? { status: 404, headers: { "content-type": "text/plain" }, body: "page (served by Next in production)" }),
      () => { res.statusCode = 500; res.end(); },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
