import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/gateway/testing/nginx";
import { startDaemon } from "./daemon";

/** Debian's HAProxy (`apt-get install haproxy`, ≥ 2.5 with Lua for `core.httpclient`), or undefined when absent. */
export function haproxyBinary(): string | undefined {
  return ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy"].find((p) => existsSync(p));
}

export interface HaproxySite {
  url: string;
  stop(): Promise<void>;
}

/**
 * HAProxy has no built-in auth subrequest: this Lua action (HAProxy's own `core.httpclient`, no extra library) asks
 * the decisions API about each request with X-Forwarded-Method/-Proto/-Host/-Uri and the client's credentials, and
 * leaves the answer in variables the frontend acts on. The copy documented in lib/gateway/README.md.
 */
export const HAPROXY_LUA = `
core.register_action("portcullis_auth", { "http-req" }, function(txn, decisions)
  local headers = {
    ["x-forwarded-method"] = { txn.f:method() },
    ["x-forwarded-proto"] = { "http" },
    ["x-forwarded-host"] = { txn.f:req_hdr("host") },
    ["x-forwarded-uri"] = { txn.f:pathq() },
  }
  for _, name in ipairs({ "authorization", "cookie", "accept", "x-api-key" }) do
    local value = txn.f:req_fhdr(name)
    if value ~= nil and value ~= "" then headers[name] = { value } end
  end
  local ok, res = pcall(function()
    return core.httpclient():get({ url = decisions .. txn.f:pathq(), headers = headers, timeout = 2000 })
  end)
  if not ok or res == nil or res.status == nil then
    txn:set_var("txn.pc_status", 500)
    return
  end
  local function header(name)
    local values = res.headers and res.headers[name]
    if values == nil then return "" end
    return values[0] or values[1] or ""
  end
  txn:set_var("txn.pc_status", res.status)
  txn:set_var("txn.pc_user", header("x-user-id"))
  txn:set_var("txn.pc_location", header("location"))
  txn:set_var("txn.pc_body", res.body or "")
end, 1)
`;

export function haproxyConfig(dir: string, port: number, decisionsUrl: string, upstream: URL): string {
  return `global
  lua-load ${dir}/portcullis.lua

defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s

frontend app
  bind 127.0.0.1:${port}
  http-request del-header X-User-Id
  http-request lua.portcullis_auth ${decisionsUrl}
  http-request redirect location %[var(txn.pc_location)] code 302 if { var(txn.pc_status) -m int 302 }
  http-request return status 401 content-type application/json lf-string "%[var(txn.pc_body)]" if { var(txn.pc_status) -m int 401 }
  http-request return status 403 content-type application/json lf-string "%[var(txn.pc_body)]" if { var(txn.pc_status) -m int 403 }
  http-request return status 500 unless { var(txn.pc_status) -m int 200 }
  http-request set-header X-User-Id %[var(txn.pc_user)] if { var(txn.pc_user) -m found }
  default_backend upstream

backend upstream
  server app ${upstream.host}
`;
}

/** HAProxy on loopback in front of `upstream`, every request decided by the decisions API at `decisionsUrl`. */
export async function startHaproxySite(binary: string, decisionsUrl: string, upstreamUrl: string): Promise<HaproxySite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pc-haproxy-"));
  const port = await freePort();
  writeFileSync(path.join(dir, "portcullis.lua"), HAPROXY_LUA);
  writeFileSync(path.join(dir, "haproxy.cfg"), haproxyConfig(dir, port, decisionsUrl, new URL(upstreamUrl)));
  const daemon = await startDaemon("haproxy", binary, ["-db", "-f", path.join(dir, "haproxy.cfg")], port);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
