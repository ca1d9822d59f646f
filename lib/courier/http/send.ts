import { outboundFetch } from "@/lib/core/outbound-fetch";
import { renderBody } from "@/lib/core/json-template";
import type { CourierChannel } from "./channels";

/**
 * What the channel's body template sees as `ctx` (Kratos' HTTP courier has these, and `template_data`, which the
 * queue does not keep: the rendered `body` carries the code).
 */
export interface HttpMessageContext {
  recipient: string;
  body: string;
  template_type: string;
  message_type: "sms" | "email";
}

const DEFAULT_BODY = { recipient: "{{ ctx.recipient }}", body: "{{ ctx.body }}", template_type: "{{ ctx.template_type }}" };

/**
 * Posts a message to an HTTP channel (Kratos `courier.channels[].type: http`) through the SSRF guard; any answer
 * outside 2xx is a failure the queue retries with backoff.
 */
export async function sendOverHttp(channel: CourierChannel, message: HttpMessageContext, timeoutMs = 10_000): Promise<void> {
  const config = channel.request_config;
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Portcullis-Courier/1", ...(config.headers ?? {}) };
  if (config.auth?.type === "basic_auth") {
    headers.authorization = "Basic " + Buffer.from(`${config.auth.config.user}:${config.auth.config.password}`).toString("base64");
  } else if (config.auth?.type === "api_key") {
    if (config.auth.config.in === "cookie") headers.cookie = `${config.auth.config.name}=${config.auth.config.value}`;
    else headers[config.auth.config.name.toLowerCase()] = config.auth.config.value;
  }
  const body = JSON.stringify(renderBody(config.body ?? DEFAULT_BODY, { ...message }));
  const response = await outboundFetch(config.url, { method: config.method, headers, body, signal: AbortSignal.timeout(timeoutMs), maxBytes: 64 * 1024 });
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP channel ${channel.id} answered ${response.status}`);
}
