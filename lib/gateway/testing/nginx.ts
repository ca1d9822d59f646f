import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Debian's nginx (`apt-get install nginx-light`), or undefined when it is not installed. */
export function nginxBinary(): string | undefined {
  return ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"].find((p) => existsSync(p));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface NginxSite {
  url: string;
  stop(): Promise<void>;
  errorLog(): string;
}

/**
 * How nginx asks Portcullis: `auth_request` as documented (X-Forwarded-*), or as Kubernetes ingress-nginx's `auth-url`
 * annotation generates it (X-Original-URL / X-Original-Method, its own Host, and `auth-signin` as `error_page 401`).
 */
export interface NginxAuthStyle {
  style: "auth_request" | "ingress-nginx";
  /** ingress-nginx `auth-signin` with `auth-signin-redirect-param: return_to`. */
  signin?: string;
}

function ingressNginxAuthLocation(upstream: URL, signin: string | undefined): { location: string; errorPage: string } {
  return {
    location: `
    location = /_portcullis {
      internal;
      proxy_pass ${upstream.origin}${upstream.pathname};
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header Host ${upstream.host};
      proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
      proxy_set_header X-Original-Method $request_method;
      proxy_set_header X-Sent-From "nginx-ingress-controller";
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Auth-Request-Redirect $request_uri;
    }
    location @signin {
      internal;
      # ingress-nginx escapes the URI ($escaped_request_uri, set by its Lua); stock nginx has no escaping variable.
      return 302 ${signin ?? "/"}?return_to=$scheme://$http_host$request_uri;
    }`,
    errorPage: signin ? "error_page 401 = @signin;" : "",
  };
}

/**
 * nginx on a loopback port serving a static site, every request checked first by `auth_request` against
 * the decisions API (the documented integration: method, scheme, host and URI forwarded as X-Forwarded-*,
 * the decision's X-User-Id passed on). Runs in the foreground from a temporary prefix, as the current user.
 */
export async function startNginxSite(binary: string, decisionsUrl: string, page: string, auth: NginxAuthStyle = { style: "auth_request" }): Promise<NginxSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pc-nginx-"));
  for (const sub of ["html", "logs", "tmp"]) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, "html", "index.html"), page);
  const port = await freePort();
  const upstream = new URL(decisionsUrl);
  const ingress = auth.style === "ingress-nginx" ? ingressNginxAuthLocation(upstream, auth.signin) : undefined;
  const conf = `
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
    location / {
      auth_request /_portcullis;
      ${ingress?.errorPage ?? ""}
      auth_request_set $user_id $upstream_http_x_user_id;
      add_header X-User-Id $user_id always;
      try_files $uri $uri/index.html =404;
    }
${ingress ? ingress.location : `
    location = /_portcullis {
      internal;
      proxy_pass ${upstream.origin}${upstream.pathname}$request_uri;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Forwarded-Method $request_method;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Uri $request_uri;
    }`}
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child: ChildProcess = spawn(binary, ["-p", dir, "-e", `${dir}/logs/error.log`, "-c", `${dir}/nginx.conf`, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    errorLog: () => readFileSync(path.join(dir, "logs", "error.log"), "utf8"),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
