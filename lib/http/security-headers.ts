/**
 * The security headers of every answer (README "Hosts, proxies and security headers"):
 * - `X-Content-Type-Options: nosniff` (no MIME sniffing of JSON or uploads into HTML);
 * - `Referrer-Policy: no-referrer`: almost every URL Portcullis serves carries a flow id, a challenge, a code
 *   or a token, and Portcullis itself never reads Referer (CSRF checks use Origin and Sec-Fetch-Site);
 * - `Permissions-Policy` switching off powerful features no page uses (WebAuthn stays allowed for self);
 * - `Strict-Transport-Security` when the request's origin is https (RFC 6797; not on http, §7.2);
 * - anti-framing: `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`, unless a project lists origins
 *   allowed to frame its hosted pages (then `frame-ancestors <list>` and no X-Frame-Options, which cannot
 *   express a list).
 */
const COMMON: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=()",
};

const HSTS = "max-age=31536000";

/**
 * Machine API answers that a browser renders or follows — HTML (form_post, the host refusal page) and redirects
 * (whose Referrer-Policy governs the next hop): the full set (an HTML answer's own CSP wins).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON,
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
};
export const API_SECURITY_HEADERS_HTTPS: Readonly<Record<string, string>> = { ...API_SECURITY_HEADERS, "strict-transport-security": HSTS };

/**
 * JSON and other data answers (the hot paths: whoami, token, introspection, checks, decisions): what applies to
 * a resource that is no document (OWASP REST Security: nosniff, anti-framing, HSTS). Referrer-Policy and
 * Permissions-Policy act on documents and navigations only; leaving them off a JSON body changes nothing a
 * browser does and saves two of the header lines Node validates and serialises per answer (each ~0.25 µs here,
 * on answers that cost ~20–30 µs of CPU in all).
 */
export const DATA_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};
export const DATA_SECURITY_HEADERS_HTTPS: Readonly<Record<string, string>> = { ...DATA_SECURITY_HEADERS, "strict-transport-security": HSTS };

/** The set for a machine API answer: data answers (2xx/4xx/5xx that are not HTML) get the short one. */
export function apiSecurityHeaders(status: number, contentType: unknown, https: boolean): Readonly<Record<string, string>> {
  const document = (status >= 300 && status < 400) || (typeof contentType === "string" && contentType.startsWith("text/html"));
  if (document) return https ? API_SECURITY_HEADERS_HTTPS : API_SECURITY_HEADERS;
  return https ? DATA_SECURITY_HEADERS_HTTPS : DATA_SECURITY_HEADERS;
}

export interface PagePolicy {
  /** Per-request nonce for Next's inline scripts (CSP Level 3 `'nonce-…'` with `'strict-dynamic'`). */
  nonce: string;
  https: boolean;
  /** Serialised origins allowed to frame the page (a project's hosted pages); empty: nobody. */
  frameAncestors: readonly string[];
  /** `next dev` evaluates code for fast refresh. */
  development: boolean;
}

/**
 * The strict CSP of hosted pages and the console: scripts only with this request's nonce (and what they load,
 * 'strict-dynamic'); styles from self and inline (theme variables, style attributes; CSS cannot run script);
 * images also from https (branding logos) and data: (TOTP QR codes); no plugins, no <base>, and no
 * `form-action`, since Chrome applies it to the redirects after a submit (to an RP's redirect_uri, a social
 * sign-in provider).
 */
export function contentSecurityPolicy(policy: PagePolicy): string {
  const ancestors = policy.frameAncestors.length ? policy.frameAncestors.join(" ") : "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${policy.nonce}' 'strict-dynamic'${policy.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
}

/** The headers of a page answer (set by proxy.ts on every page). */
export function pageSecurityHeaders(policy: PagePolicy): Record<string, string> {
  return {
    ...COMMON,
    "content-security-policy": contentSecurityPolicy(policy),
    ...(policy.frameAncestors.length ? {} : { "x-frame-options": "DENY" }),
    ...(policy.https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** Headers for answers without a CSP of their own (static assets, the host refusal page). */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return https ? { ...API_SECURITY_HEADERS_HTTPS } : { ...API_SECURITY_HEADERS };
}
