import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDaemon } from "./daemon";
import { freePort } from "@/lib/gateway/testing/nginx";

/** Debian's Caddy (`apt-get install caddy`, ≥ 2.5.1 for `forward_auth`), or undefined when it is not installed. */
export function caddyBinary(): string | undefined {
  return ["/usr/bin/caddy", "/usr/local/bin/caddy"].find((p) => existsSync(p));
}

export interface CaddySite {
  /** Where clients reach Caddy: `http://127.0.0.1:{port}`. */
  url: string;
  caddyfile: string;
  stop(): Promise<void>;
}

/**
 * The Caddyfile documented in lib/gateway/README.md: `forward_auth` asks the decisions API about every request
 * (Caddy sends X-Forwarded-Method, -Uri, -Host, -Proto), copies the decision's `X-User-Id` and `Authorization` and
 * proxies to the upstream; any non-2xx decision (401, 403, a redirect to the login) is answered to the client as is.
 */
export function caddyfile(port: number, portcullis: URL, slug: string, upstream: URL): string {
  return `{
  admin off
  auto_https off
}

http://127.0.0.1:${port} {
  bind 127.0.0.1
  forward_auth ${portcullis.host} {
    uri /p/${slug}/decisions{uri}
    copy_headers X-User-Id Authorization
  }
  reverse_proxy ${upstream.host}
}
`;
}

/** Caddy on loopback in front of `upstream`, every request decided by a project's decisions API. */
export async function startCaddySite(binary: string, portcullisUrl: string, slug: string, upstreamUrl: string): Promise<CaddySite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pc-caddy-"));
  const port = await freePort();
  const config = caddyfile(port, new URL(portcullisUrl), slug, new URL(upstreamUrl));
  const file = path.join(dir, "Caddyfile");
  writeFileSync(file, config);
  // Caddy keeps state under XDG dirs / HOME: a temporary one, so the test never touches the user's.
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const daemon = await startDaemon("caddy", binary, ["run", "--config", file, "--adapter", "caddyfile"], port, env);
  return {
    url: `http://127.0.0.1:${port}`,
    caddyfile: config,
    stop: async () => {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
