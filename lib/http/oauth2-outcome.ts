import { randomBytes } from "node:crypto";
import type { AuthorizeOutcome } from "@/lib/oauth2/flows/response";
import { NO_STORE, oauth2Json } from "./oauth2-response";
import type { ApiRequest, ApiResponse } from "./types";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, nonce?: string, extraCsp = ""): { headers: Record<string, string>; body: string } {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; ${nonce ? `script-src 'nonce-${nonce}';` : ""} ${extraCsp} frame-ancestors 'none'`;
  return {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": csp.replace(/\s+/g, " "), "referrer-policy": "no-referrer", ...NO_STORE },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`,
  };
}

/**
 * Renders what the authorization, device and logout endpoints decided. `errorPage` names the branded, localized
 * error page a browser is sent to for an `error_page` outcome (machine clients get the JSON error).
 */
export function renderOutcome(outcome: AuthorizeOutcome, request: ApiRequest, errorPage?: (error: string, description: string) => string): ApiResponse {
  const cookies: Record<string, string[]> = "cookies" in outcome && outcome.cookies?.length ? { "set-cookie": outcome.cookies } : {};
  switch (outcome.type) {
    case "redirect":
      return { status: 302, headers: { location: outcome.location, ...NO_STORE, ...cookies } };
    case "form_post": {
      // OAuth 2.0 Form Post Response Mode §2: an auto-submitting form; the parameters never appear in a URL.
      const nonce = randomBytes(16).toString("base64");
      const inputs = Object.entries(outcome.params).map(([n, v]) => `<input type="hidden" name="${escapeHtml(n)}" value="${escapeHtml(v)}">`).join("");
      const html = page("Submitting…", `<form method="post" action="${escapeHtml(outcome.action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script nonce="${nonce}">document.forms[0].submit()</script>`, nonce, `form-action ${outcome.action.replace(/[;\s]/g, "")};`);
      return { status: 200, headers: { ...html.headers, ...cookies }, body: html.body };
    }
    case "html":
      return { status: outcome.status, headers: { ...page("", "", undefined, "frame-src http: https:;").headers, ...cookies }, body: outcome.html };
    case "error_page": {
      if (!(request.header("accept") ?? "").includes("text/html")) return oauth2Json(outcome.status, { error: outcome.error, error_description: outcome.description });
      if (errorPage) return { status: 302, headers: { location: errorPage(outcome.error, outcome.description), ...NO_STORE } };
      const html = page("Authorization error", `<h1>The request could not be completed</h1><p><code>${escapeHtml(outcome.error)}</code></p><p>${escapeHtml(outcome.description)}</p>`);
      return { status: outcome.status, headers: html.headers, body: html.body };
    }
  }
}
