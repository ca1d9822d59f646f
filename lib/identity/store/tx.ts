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

/**
 * Options for interactive transactions: Prisma's defaults (2 s to get a connection, 5 s to finish) fail
 * spuriously when the pool is busy or the machine is loaded; these bound waits without failing healthy work.
 */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
