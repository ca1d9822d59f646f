import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, brotliStatic } from "./static-brotli";

describe("acceptsBrotli", () => {
  it("reads Accept-Encoding", () => {
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("br;q=0.5")).toBe(true);
    expect(acceptsBrotli("gzip, br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});

describe("brotliStatic", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "brotli-static-"));
  const script = "console.log('hello');\n".repeat(200);
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    mkdirSync(path.join(dir, "chunks"));
    writeFileSync(path.join(dir, "chunks", "a.js"), script);
    writeFileSync(path.join(dir, "secret.txt"), "no");
    const serve = brotliStatic(dir);
    server = http.createServer((req, res) => {
      void serve(req, res).then((done) => {
        if (!done) res.writeHead(404).end("fallthrough");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (url: string, encoding: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${base}${url}`, { headers: { "accept-encoding": encoding } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      }).on("error", reject);
    });

  it("serves scripts with br, immutable, smaller than the file", async () => {
    const answer = await get("/_next/static/chunks/a.js", "gzip, br");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["cache-control"]).toContain("immutable");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it("leaves everything else to Next", async () => {
    expect((await get("/_next/static/chunks/a.js", "gzip")).body.toString()).toBe("fallthrough");
    expect((await get("/_next/static/secret.txt", "br")).body.toString()).toBe("fallthrough");
    expect((await get("/_next/static/chunks/missing.js", "br")).body.toString()).toBe("fallthrough");
    expect((await get("/_next/static/%2e%2e/%2e%2e/etc/passwd.js", "br")).body.toString()).toBe("fallthrough");
    expect((await get("/p/x/ui/login", "br")).body.toString()).toBe("fallthrough");
  });
});
