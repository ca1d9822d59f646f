import type { ClientRecord } from "./store";

/** Ory's oAuth2Client JSON. The secret appears only when just generated or set (shown once). */
export function presentClient(record: ClientRecord, issuer?: string, secret?: string): Record<string, unknown> {
  const { lifespans, jwks, ...doc } = record.doc;
  return {
    ...doc,
    ...(secret ? { client_secret: secret } : {}),
    jwks: jwks ?? { keys: [] },
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
    ...Object.fromEntries(Object.entries(lifespans).filter(([, v]) => v)),
    ...(issuer ? { registration_client_uri: "" } : {}),
  };
}
