import { Http1Connection } from "./http1-connection";

/**
 * A lean JSON client for load generators: keep-alive HTTP/1.1 connections (at most `maxSockets`, reused most
 * recently idle first). A load generator shares the machine's cores with the server it measures, so it should
 * cost little CPU per request (node:http's client costs several times this, fetch/undici more).
 */
export function jsonClient(maxSockets = 64) {
  const idle: Http1Connection[] = [];
  const queued: Array<(connection: Http1Connection) => void> = [];
  let open = 0;
  let origin: { host: string; port: number } | undefined;

  function acquire(host: string, port: number): Promise<Http1Connection> | Http1Connection {
    if (origin && (origin.host !== host || origin.port !== port)) throw new Error("one jsonClient talks to one origin");
    origin = { host, port };
    const connection = idle.pop();
    if (connection) return connection;
    if (open < maxSockets) {
      open++;
      return new Http1Connection(host, port);
    }
    return new Promise((resolve) => queued.push(resolve));
  }

  function release(connection: Http1Connection): void {
    if (!connection.reusable) {
      open--;
      if (queued.length && origin) {
        open++;
        queued.shift()!(new Http1Connection(origin.host, origin.port));
      }
      return;
    }
    const next = queued.shift();
    if (next) next(connection);
    else idle.push(connection);
  }

  return {
    async request(method: "GET" | "POST", url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
      const { hostname, port, pathname, search, host } = new URL(url);
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const head = `${method} ${pathname}${search} HTTP/1.1\r\nHost: ${host}\r\nAccept: application/json\r\n${
        payload === undefined ? "" : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`}\r\n`;
      const connection = await acquire(hostname, Number(port) || 80);
      try {
        const response = await connection.request(head, payload);
        return { status: response.status, json: response.body.length ? JSON.parse(response.body.toString("utf8")) : undefined };
      } finally {
        release(connection);
      }
    },
    close(): void {
      for (const connection of idle.splice(0)) connection.close();
    },
  };
}

export type JsonClient = ReturnType<typeof jsonClient>;

/** The native API login flow (Kratos): create the flow, submit identifier and password; the session token or undefined. */
export async function nativePasswordLogin(client: JsonClient, base: string, identifier: string, password: string): Promise<string | undefined> {
  const flow = await client.request("GET", `${base}/self-service/login/api`);
  if (flow.status !== 200) return undefined;
  const { id } = flow.json as { id: string };
  const response = await client.request("POST", `${base}/self-service/login?flow=${id}`, { method: "password", identifier, password });
  return response.status === 200 ? (response.json as { session_token?: string }).session_token : undefined;
}
