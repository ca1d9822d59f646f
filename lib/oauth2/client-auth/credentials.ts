import { invalidClient, invalidRequest } from "../errors";

export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export type PresentedCredentials =
  | { method: "client_secret_basic"; clientId: string; secret: string }
  | { method: "client_secret_post"; clientId: string; secret: string }
  | { method: "private_key_jwt"; clientId: string; assertion: string }
  | { method: "none"; clientId: string };

const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before Base64, so decode both. */
function decodeBasic(header: string): { clientId: string; secret: string } {
  const raw = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = raw.indexOf(":");
  if (colon < 0) throw invalidClient("The Basic credentials are malformed.", true);
  try {
    return { clientId: formDecode(raw.slice(0, colon)), secret: formDecode(raw.slice(colon + 1)) };
  } catch {
    throw invalidClient("The Basic credentials are not form-urlencoded.", true);
  }
}

/**
 * The one authentication method a request uses. RFC 6749 §2.3: a client MUST NOT use more than one;
 * RFC 7521 §4.2 / RFC 7523 §2.2 for assertions.
 */
export function presentedCredentials(authorization: string | undefined, form: URLSearchParams): PresentedCredentials {
  const basic = authorization && /^basic /i.test(authorization) ? decodeBasic(authorization) : undefined;
  const postSecret = form.get("client_secret");
  const assertionType = form.get("client_assertion_type");
  const assertion = form.get("client_assertion");
  const formId = form.get("client_id") ?? undefined;
  const used = [basic, postSecret !== null ? 1 : undefined, assertion !== null || assertionType !== null ? 1 : undefined].filter(Boolean).length;
  if (used > 1) throw invalidRequest("The client used more than one authentication method (RFC 6749 §2.3).");
  if (basic) {
    if (formId && formId !== basic.clientId) throw invalidRequest("client_id in the body differs from the authenticated client.");
    return { method: "client_secret_basic", ...basic };
  }
  if (assertion !== null || assertionType !== null) {
    if (assertionType !== JWT_BEARER_ASSERTION) throw invalidClient(`client_assertion_type must be ${JWT_BEARER_ASSERTION}.`);
    if (!assertion) throw invalidClient("client_assertion is missing.");
    const sub = unverifiedSubject(assertion);
    if (!sub || (formId && formId !== sub)) throw invalidClient("The client assertion's sub does not identify the client.");
    return { method: "private_key_jwt", clientId: sub, assertion };
  }
  if (!formId) throw invalidClient("Client authentication is required (RFC 6749 §3.2.1).");
  if (postSecret !== null) return { method: "client_secret_post", clientId: formId, secret: postSecret };
  return { method: "none", clientId: formId };
}

function unverifiedSubject(assertion: string): string | undefined {
  const part = assertion.split(".")[1];
  if (!part) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as { sub?: unknown };
    return typeof payload.sub === "string" ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
