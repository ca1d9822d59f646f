import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResponse } from "./http1-connection";
import { jsonClient } from "./http-json";

describe("parseResponse", () => {
  it("waits for the whole Content-Length body and reports where the response ends", () => {
    const full = Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nContent-Type: application/json\r\n\r\n{\"a\":1}HTTP/1.1");
    expect(parseResponse(full.subarray(0, 20))).toBeUndefined();
    expect(parseResponse(full.subarray(0, full.length - 10))).toBeUndefined();
    const parsed = parseResponse(full)!;
    expect(parsed.response.status).toBe(200);
    expect(parsed.response.body.toString()).toBe("{\"a\":1}");
    expect(full.subarray(parsed.end).toString()).toBe("HTTP/1.1");
    expect(parsed.close).toBe(false);
  });

  it("joins chunked bodies (with trailers) and honours Connection: close", () => {
    const full = Buffer.from("HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\nConnection: close\r\n\r\n3\r\n{\"a\r\n4;x=y\r\n\":2}\r\n0\r\nX-T: 1\r\n\r\n");
    expect(parseResponse(full.subarray(0, full.length - 3))).toBeUndefined();
    const parsed = parseResponse(full)!;
    expect(parsed).toMatchObject({ response: { status: 404 }, end: full.length, close: true });
    expect(parsed.response.body.toString()).toBe("{\"a\":2}");
  });

  it("rejects responses it cannot frame", () => {
    expect(() => parseResponse(Buffer.from("HTTP/1.1 200 OK\r\n\r\nbody"))).toThrow(/framing/);
  });
});

describe("jsonClient", () => {
  let server: http.Server;
  let base: string;
  const sockets = new Set<unknown>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        if (req.url === "/chunked") {
          res.write("[1,");
          res.end("2]");
          return;
        }
        res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ method: req.method, url: req.url, body: body ? JSON.parse(body) : null, accept: req.headers.accept }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends JSON, reads Content-Length and chunked answers, and reuses at most maxSockets connections", async () => {
    const client = jsonClient(2);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => client.request("POST", `${base}/echo?i=${i}`, { n: i, s: "é" })));
    answers.forEach((answer, i) => expect(answer).toEqual({ status: 201, json: { method: "POST", url: `/echo?i=${i}`, body: { n: i, s: "é" }, accept: "application/json" } }));
    expect(await client.request("GET", `${base}/chunked`)).toEqual({ status: 200, json: [1, 2] });
    expect(sockets.size).toBe(2);
    client.close();
  });
});
