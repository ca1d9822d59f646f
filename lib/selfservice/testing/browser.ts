/** A tiny cookie-keeping browser for flow tests (fetch with manual redirects). */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit & { json?: boolean } = {}): Promise<Response> {
    const url = path.startsWith("http") ? path : this.origin + path;
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    if (init.json) headers.set("accept", "application/json");
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  postForm(path: string, fields: Record<string, string>, json = false): Promise<Response> {
    return this.request(path, { method: "POST", body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" }, json });
  }

  postJson(path: string, body: unknown): Promise<Response> {
    return this.request(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", accept: "application/json" } });
  }
}

export interface FlowJson {
  id: string;
  state: string;
  ui: { action: string; messages?: { id: number }[]; nodes: { attributes: { name?: string; value?: unknown }; messages: { id: number }[] }[] };
}

export const csrfOf = (flow: FlowJson) => String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
export const nodeMessages = (flow: FlowJson, name: string) => flow.ui.nodes.filter((n) => n.attributes.name === name).flatMap((n) => n.messages.map((m) => m.id));
