import type { ProjectDb } from "@/lib/db";

/** The delegates identity writes use: satisfied by the project-scoped client and by its transactions. */
export type IdentityTx = Pick<
  ProjectDb,
  | "identity"
  | "identityCredential"
  | "identityCredentialIdentifier"
  | "identityVerifiableAddress"
  | "identityRecoveryAddress"
  | "identitySearchToken"
  | "session"
  | "auditEvent"
>;
