import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { forwardToNext } from "./to-next";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("forwarding to the Next process", () => {
  it("streams method, path, body and end-to-end headers both ways, and drops per-hop headers", async () => {
    let seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders } = { body: "", headers: {} };
    const nextPort = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen = { method: req.method, url: req.url, body, headers: req.headers };
        res.writeHead(303, { location: "/console", "set-cookie": ["a=1; Path=/", "b=2; Path=/"], "keep-alive": "timeout=5" });
        res.end("moved");
      });
    });
    const front = await listen(forwardToNext(nextPort));
    const response = await fetch(`http://127.0.0.1:${front}/setup?x=1`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-host": "id.example.com", te: "trailers" },
      body: "email=a%40b.c",
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/console");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.text()).toBe("moved");
    expect(seen).toMatchObject({ method: "POST", url: "/setup?x=1", body: "email=a%40b.c" });
    expect(seen.headers["x-forwarded-host"]).toBe("id.example.com");
    expect(seen.headers.host).toBe(`127.0.0.1:${front}`);
    expect(seen.headers.te).toBeUndefined();
  });

  it("answers 502 in the API's error shape when the Next process is not there", async () => {
    const gone = await listen(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const front = await listen(forwardToNext(gone));
    const response = await fetch(`http://127.0.0.1:${front}/`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 502, status: "Bad Gateway" } });
  });
});
