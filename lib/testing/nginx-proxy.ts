import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/gateway/testing/nginx";

export interface NginxProxy {
  /** Where clients reach nginx: `http://127.0.0.1:{port}`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * nginx on loopback as the reverse proxy in front of Portcullis, configured the usual way for a TLS-terminating
 * edge: `X-Forwarded-For $proxy_add_x_forwarded_for`, `X-Forwarded-Host $http_host`, `X-Forwarded-Proto https`
 * (as if TLS ended here). It connects to the upstream from 127.0.0.1 (`proxy_bind`).
 */
export async function startNginxProxy(binary: string, upstreamOrigin: string): Promise<NginxProxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pc-nginx-proxy-"));
  for (const sub of ["logs", "tmp"]) mkdirSync(path.join(dir, sub));
  const port = await freePort();
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
    location / {
      proxy_pass ${upstreamOrigin};
      proxy_bind 127.0.0.1;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto https;
    }
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child: ChildProcess = spawn(binary, ["-p", dir, "-e", `${dir}/logs/error.log`, "-c", `${dir}/nginx.conf`, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
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
    url: `http://127.0.0.1:${port}`,
    port,
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
