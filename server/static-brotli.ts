import { readFile } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { brotliCompress, constants } from "node:zlib";
import { promisify } from "node:util";
import { API_SECURITY_HEADERS } from "@/lib/http/security-headers";

const compress = promisify(brotliCompress);

const TYPES: Readonly<Record<string, string>> = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
const PREFIX = "/_next/static/";
/** Next's own answer for these content-hashed files. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** True when Accept-Encoding lists `br` without `q=0` (RFC 9110 §12.5.3). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "br") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Next's static scripts and stylesheets with Brotli (Next itself compresses only with gzip): about a fifth fewer
 * bytes on the wire for the React runtime every page loads (BENCHMARKS.md, "Hosted page weight"). The files are
 * content-hashed and immutable, so each is compressed once (quality 11, off the event loop) and kept in memory.
 * Anything else — other methods, encodings, types, unknown files — falls through to Next (`false`).
 */
export function brotliStatic(staticDir: string): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> {
  const root = path.resolve(staticDir);
  const cache = new Map<string, Promise<Buffer | undefined>>();
  const load = (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      entry = readFile(file).then(
        (raw) => compress(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        () => undefined,
      );
      cache.set(file, entry);
    }
    return entry;
  };
  return async (req, res) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith(PREFIX) || !acceptsBrotli(req.headers["accept-encoding"])) return false;
    const pathname = req.url.split("?")[0];
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(PREFIX.length));
    } catch {
      return false;
    }
    const type = TYPES[path.extname(relative)];
    const file = path.resolve(root, relative);
    if (!type || !file.startsWith(root + path.sep)) return false;
    const body = await load(file);
    if (!body) {
      cache.delete(file);
      return false;
    }
    res.writeHead(200, {
      ...API_SECURITY_HEADERS,
      "content-type": type,
      "content-encoding": "br",
      "content-length": body.length,
      "cache-control": IMMUTABLE,
      vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
