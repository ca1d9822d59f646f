import { connectionPool } from "./http1-pool";

/**
 * A lean JSON client for load generators: keep-alive HTTP/1.1 connections (at most `maxSockets`, reused most
 * recently idle first). A load generator shares the machine's cores with the server it measures, so it should
 * cost little CPU per request (node:http's client costs several times this, fetch/undici more).
 */
export function jsonClient(maxSockets = 64) {
  let origin: { host: string; port: number; pool: ReturnType<typeof connectionPool> } | undefined;
  function poolFor(host: string, port: number) {
    if (origin && (origin.host !== host || origin.port !== port)) throw new Error("one jsonClient talks to one origin");
    origin ??= { host, port, pool: connectionPool(host, port, maxSockets) };
    return origin.pool;
  }

  return {
    async request(method: "GET" | "POST", url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
      const { hostname, port, pathname, search, host } = new URL(url);
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join("");
      const head = `${method} ${pathname}${search} HTTP/1.1\r\nHost: ${host}\r\nAccept: application/json\r\n${extra}${
        payload === undefined ? "" : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`}\r\n`;
      const pool = poolFor(hostname, Number(port) || 80);
      const connection = await pool.acquire();
      try {
        const response = await connection.request(head, payload);
        return { status: response.status, json: response.body.length ? JSON.parse(response.body.toString("utf8")) : undefined };
      } finally {
        pool.release(connection);
      }
    },
    close(): void {
      origin?.pool.close();
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
