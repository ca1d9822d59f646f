import { createHash } from "node:crypto";
import { outboundFetch } from "@/lib/core/outbound-fetch";
import { TtlCache } from "@/lib/core/ttl-cache";

/**
 * k-anonymity range lookup (Have I Been Pwned's Pwned Passwords protocol): only the first five hex characters
 * of the password's SHA-1 leave the server; the answer lists `SUFFIX:COUNT` lines for that prefix.
 * Returns the breach count, or undefined when the service could not be reached. The host is project configuration,
 * so the request goes through the SSRF guard (a private or loopback host only when GATEWAY_OUTBOUND_ALLOW lists it).
 */
const answers = new TtlCache<string, Map<string, number>>(10 * 60_000, 2_000);

export async function breachCount(baseUrl: string, password: string, timeoutMs = 2_000): Promise<number | undefined> {
  const digest = createHash("sha1").update(password).digest("hex").toUpperCase();
  const prefix = digest.slice(0, 5);
  const key = `${baseUrl}|${prefix}`;
  let suffixes = answers.get(key);
  if (!suffixes) {
    try {
      const response = await outboundFetch(`${baseUrl}/range/${prefix}`, { headers: { "add-padding": "true" }, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) return undefined;
      suffixes = new Map();
      for (const line of (await response.text()).split(/\r?\n/)) {
        const [suffix, count] = line.trim().split(":");
        if (suffix && count) suffixes.set(suffix.toUpperCase(), Number(count));
      }
      answers.set(key, suffixes);
    } catch {
      return undefined;
    }
  }
  return suffixes.get(digest.slice(5)) ?? 0;
}
