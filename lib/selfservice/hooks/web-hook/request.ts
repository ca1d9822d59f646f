import { outboundFetch } from "@/lib/core/outbound-fetch";
import { projectSigningSecret, type WebHookConfig } from "./config";
import { SIGNATURE_HEADER, signPayload } from "./sign";
import { renderBody } from "./template";

export interface PreparedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Builds the HTTP request of a hook: templated JSON body, auth (api_key / basic_auth), signature. */
export function prepareRequest(hook: WebHookConfig, ctx: Record<string, unknown>, projectConfig: unknown, now: Date): PreparedRequest {
  const body = JSON.stringify(renderBody(hook.body, ctx));
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Portcullis-Webhooks/1", ...(hook.headers ?? {}) };
  if (hook.auth?.type === "basic_auth") {
    headers.authorization = "Basic " + Buffer.from(`${hook.auth.config.user}:${hook.auth.config.password}`).toString("base64");
  } else if (hook.auth?.type === "api_key") {
    if (hook.auth.config.in === "cookie") headers.cookie = `${hook.auth.config.name}=${hook.auth.config.value}`;
    else headers[hook.auth.config.name.toLowerCase()] = hook.auth.config.value;
  }
  const secret = hook.signing_secret ?? projectSigningSecret(projectConfig);
  if (secret) headers[SIGNATURE_HEADER] = signPayload(secret, body, Math.floor(now.getTime() / 1000));
  return { url: hook.url, method: hook.method, headers, body };
}

export interface HookResponse {
  status: number;
  text: string;
}

export async function sendRequest(request: PreparedRequest, timeoutMs: number): Promise<HookResponse> {
  // Through the SSRF guard: hook URLs are tenant configuration (GATEWAY_OUTBOUND_ALLOW admits private targets).
  const response = await outboundFetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.method === "GET" ? undefined : request.body,
    signal: AbortSignal.timeout(timeoutMs),
    maxBytes: 8_000_000,
  });
  const text = (await response.text()).slice(0, 1_000_000);
  return { status: response.status, text };
}
