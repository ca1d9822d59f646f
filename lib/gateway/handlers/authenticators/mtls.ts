import { createHash, X509Certificate } from "node:crypto";
import { z } from "zod";
import { TtlCache } from "@/lib/core/ttl-cache";
import { defineHandler } from "../define";
import { unauthorizedError } from "../../pipeline/errors";
import type { Authenticator } from "../../pipeline/types";

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The CA certificates of a PEM bundle; undefined when a block does not parse or is not a CA (basicConstraints CA:TRUE). */
function parseBundle(pem: string): X509Certificate[] | undefined {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) return undefined;
  try {
    const certificates = blocks.map((block) => new X509Certificate(block));
    return certificates.every((c) => c.ca) ? certificates : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client certificate a TLS-terminating proxy forwards: URL-escaped PEM (nginx `$ssl_client_escaped_cert`,
 * ingress-nginx `ssl-client-cert`), PEM, or base64 DER without delimiters (Traefik's `X-Forwarded-Tls-Client-Cert`).
 */
function parseForwarded(value: string): X509Certificate | undefined {
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  try {
    if (text.includes("-----BEGIN CERTIFICATE-----")) return new X509Certificate(text.replace(/\t/g, "\n"));
    const der = text.replace(/\s+/g, "");
    return /^[A-Za-z0-9+/]+=*$/.test(der) ? new X509Certificate(Buffer.from(der, "base64")) : undefined;
  } catch {
    return undefined;
  }
}

const validAt = (cert: X509Certificate, now: Date) => new Date(cert.validFrom) <= now && now < new Date(cert.validTo);

/** RFC 5280 §6.1, one level: the leaf is issued and signed by a CA of the bundle, and both are within their validity. */
function chainProblem(leaf: X509Certificate, cas: X509Certificate[], now: Date): string | undefined {
  if (!validAt(leaf, now)) return "The client certificate is expired or not yet valid.";
  const issuer = cas.find((ca) => leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
  if (!issuer) return "The client certificate was not issued by a trusted CA.";
  if (!validAt(issuer, now)) return "The client certificate's CA is expired or not yet valid.";
  return undefined;
}

function attribute(distinguishedName: string, name: string): string | undefined {
  for (const line of distinguishedName.split("\n")) if (line.startsWith(`${name}=`)) return line.slice(name.length + 1);
  return undefined;
}

function subjectAltNames(cert: X509Certificate, kind: string): string[] {
  return (cert.subjectAltName ?? "").split(", ").filter((entry) => entry.startsWith(`${kind}:`)).map((entry) => entry.slice(kind.length + 1));
}

// Parsed forwarded certificates by the header's digest: parsing and the signature check cost ~0.1 ms, and a client
// sends the same certificate on every request. Validity is checked again on every use.
const parsed = new TtlCache<string, X509Certificate | null>(60_000, 10_000);

/**
 * `mtls` (ours; Oathkeeper has none): the client certificate a TLS-terminating proxy verified and forwarded in a header,
 * checked again here against the rule's CA bundle. The header is believed only from a trusted proxy (TRUSTED_PROXIES):
 * from anyone else a certificate header is refused (401), since anyone can send one. Portcullis itself serves plain
 * HTTP behind its proxy, so certificates are never read from its own TLS sockets. The subject is the certificate's
 * CN (or first SAN email / URI / DNS name, or its SHA-256 fingerprint); `.Extra.certificate` has subject, issuer,
 * serial, fingerprint and SANs.
 */
export const mtlsAuthenticator = defineHandler(
  "mtls",
  z.object({
    ca_bundle: z.string().max(100_000).refine((pem) => parseBundle(pem) !== undefined, "must be PEM CA certificates (basicConstraints CA:TRUE)"),
    certificate_header: z.string().min(1).max(256).regex(/^[A-Za-z0-9-]+$/).default("X-SSL-Client-Cert"),
    subject_from: z.enum(["common_name", "san_email", "san_uri", "san_dns", "fingerprint"]).default("common_name"),
  }).strict(),
  (config): Authenticator => {
    const cas = parseBundle(config.ca_bundle) ?? [];
    const header = config.certificate_header.toLowerCase();
    return async (ctx) => {
      const value = ctx.request.header(header)?.trim();
      if (!value) return "not_responsible";
      if (!ctx.request.fromTrustedProxy) throw unauthorizedError("Client certificate headers are accepted only from trusted proxies.");
      const key = createHash("sha256").update(value).digest("base64url");
      let leaf = parsed.get(key);
      if (leaf === undefined) parsed.set(key, (leaf = parseForwarded(value) ?? null));
      if (!leaf) throw unauthorizedError("The client certificate header is malformed.");
      const problem = chainProblem(leaf, cas, ctx.now);
      if (problem) throw unauthorizedError(problem);
      const subject = config.subject_from === "fingerprint" ? leaf.fingerprint256
        : config.subject_from === "common_name" ? attribute(leaf.subject, "CN")
          : subjectAltNames(leaf, { san_email: "email", san_uri: "URI", san_dns: "DNS" }[config.subject_from])[0];
      if (!subject) throw unauthorizedError(`The client certificate has no ${config.subject_from}.`);
      return {
        subject,
        extra: {
          certificate: {
            subject: leaf.subject, issuer: leaf.issuer, serial_number: leaf.serialNumber, fingerprint_sha256: leaf.fingerprint256,
            not_after: new Date(leaf.validTo).toISOString(), subject_alt_name: leaf.subjectAltName ?? "",
          },
        },
      };
    };
  },
);
