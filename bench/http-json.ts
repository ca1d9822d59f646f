import http from "node:http";

/**
 * A lean JSON client for load generators: node:http over a keep-alive agent. A load generator shares the machine's
 * cores with the server it measures, so it should cost little CPU per request (fetch/undici costs several times this).
 */
export function jsonClient(maxSockets = 64) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(method: "GET" | "POST", url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { accept: "application/json" };
      if (payload !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
      return new Promise((resolve, reject) => {
        const req = http.request(url, { method, agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            try {
              resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
            } catch (error) {
              reject(error);
            }
          });
        });
        req.on("error", reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
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
