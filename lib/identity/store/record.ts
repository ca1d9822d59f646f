import type { Prisma } from "@/lib/db/generated/client";

/** What every identity read loads: the row with its credentials (and their identifiers) and addresses. */
export const identityInclude = {
  credentials: { include: { identifiers: true }, orderBy: { type: "asc" } },
  verifiableAddresses: { orderBy: { createdAt: "asc" } },
  recoveryAddresses: { orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.IdentityInclude;

export type IdentityRecord = Prisma.IdentityGetPayload<{ include: typeof identityInclude }>;
export type CredentialRecord = IdentityRecord["credentials"][number];

/** Credential types Kratos knows (Ory's `identityCredentials.type`). */
export const CREDENTIAL_TYPES = [
  "password", "oidc", "totp", "lookup_secret", "webauthn", "code", "passkey", "profile", "saml",
  "deviceauthn", "identifier_first", "link_recovery", "code_recovery",
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
