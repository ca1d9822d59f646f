import { createLogger } from "@/lib/core/log";
import { config } from "@/lib/config";
import { outboundFetch } from "@/lib/core/outbound-fetch";

const RETRY_DELAYS_MS = [0, 1000, 5000];

/**
 * OIDC Back-Channel Logout §2.5: POST `logout_token` form-encoded; 200/204 is success. Retried with
 * backoff in the background (§2.8 allows the OP to retry); failures are logged, never block the user.
 */
export function deliverLogoutToken(uri: string, logoutToken: string): Promise<boolean> {
  const log = createLogger(config().LOG_LEVEL);
  const attempt = async (index: number): Promise<boolean> => {
    if (index >= RETRY_DELAYS_MS.length) {
      log.warn("back-channel logout failed", { uri });
      return false;
    }
    await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[index]));
    try {
      // Through the SSRF guard (the client names the URL); redirects are not followed.
      const response = await outboundFetch(uri, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "cache-control": "no-store" },
        body: new URLSearchParams({ logout_token: logoutToken }).toString(),
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 200 || response.status === 204) return true;
    } catch {
      // retry
    }
    return attempt(index + 1);
  };
  return attempt(0);
}
