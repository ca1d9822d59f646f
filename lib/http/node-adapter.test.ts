import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeApiResponse } from "./node-adapter";
import type { ApiResponse } from "./types";

const responses: Record<string, ApiResponse> = {
  "/json": { status: 200, headers: { "content-type": "application/json", "cache-control": "no-store", "set-cookie": ["a=1", "b=2"] }, body: '{"ü":"✓"}' },
  "/bytes": { status: 201, body: new Uint8Array([1, 2, 3]) },
  "/empty": { status: 204, headers: { "x-kind": "empty" } },
  "/none": { status: 302, headers: { location: "/elsewhere" } },
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => writeApiResponse(res, responses[req.url ?? ""] ?? { status: 404 }, req.method === "HEAD"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw response, so that framing (Content-Length vs chunked) is visible. */
function get(path: string, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.request(`${base}${path}`, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
}

describe("writeApiResponse", () => {
  it("sends a body with its byte length, not chunked, with every header (repeated ones too)", async () => {
    const res = await get("/json");
    expect(res.status).toBe(200);
    expect(res.body.toString("utf8")).toBe('{"ü":"✓"}');
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength('{"ü":"✓"}')));
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers).toMatchObject({ "content-type": "application/json", "cache-control": "no-store", "set-cookie": ["a=1", "b=2"] });
    expect((await get("/bytes")).body).toEqual(Buffer.from([1, 2, 3]));
  });

  it("sends no body for HEAD, 204 and body-less responses", async () => {
    const head = await get("/json", "HEAD");
    expect([head.status, head.body.length, head.headers["content-type"]]).toEqual([200, 0, "application/json"]);
    const empty = await get("/empty");
    expect([empty.status, empty.body.length, empty.headers["x-kind"], empty.headers["content-length"]]).toEqual([204, 0, "empty", undefined]);
    const redirect = await get("/none");
    expect([redirect.status, redirect.headers.location]).toEqual([302, "/elsewhere"]);
  });
});
