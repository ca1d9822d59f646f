import { outboundFetch } from "@/lib/core/outbound-fetch";
import { internalError } from "../pipeline/errors";

const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface OutboundResponse {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * One outbound call of a handler (hydrator, remote_json): through the SSRF guard (lib/core/outbound-guard.ts),
 * bounded in time and response size, redirects not followed (a redirect could turn a vetted URL into another
 * host). Network failures and refused addresses are internal errors.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<OutboundResponse> {
  let response: Response;
  try {
    response = await outboundFetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      maxBytes: MAX_RESPONSE_BYTES,
    });
  } catch (error) {
    throw internalError(`The call to ${new URL(url).origin} failed: ${(error as Error).message}`);
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_RESPONSE_BYTES) throw internalError(`The answer of ${new URL(url).origin} is too large.`);
  const text = await response.text();
  if (text.length > MAX_RESPONSE_BYTES) throw internalError(`The answer of ${new URL(url).origin} is too large.`);
  return { status: response.status, headers: response.headers, body: text };
}
