import type { ConfigHolder } from "../config";
import type { z } from "zod";
import { badRequest } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { hashProblem } from "../hashes";
import type { credentialsInputSchema } from "../input";
import { hashPassword } from "../password/hasher";
import type { ValidatedTraits } from "../schemas/validate";
import type { IdentityTx } from "./tx";

export interface PreparedCredential {
  type: string;
  config: Record<string, unknown>;
  /** Identifiers that do not come from traits (OIDC/SAML `provider:subject`); trait identifiers are added on write. */
  identifiers: string[];
}

type CredentialsInput = z.infer<typeof credentialsInputSchema>;

/**
 * Turns imported credentials into stored ones, outside any transaction (hashing is slow): a cleartext
 * password is hashed with argon2id, a `hashed_password` must be in a format Kratos imports and is kept as is
 * (it is verified at login and rehashed then).
 */
export async function prepareCredentials(project: ConfigHolder, input: CredentialsInput | undefined): Promise<PreparedCredential[]> {
  const prepared: PreparedCredential[] = [];
  const password = input?.password?.config;
  if (password && (password.password || password.hashed_password || password.use_password_migration_hook)) {
    const problem = password.hashed_password ? hashProblem(password.hashed_password) : undefined;
    if (problem) throw badRequest("The request was malformed or contained invalid parameters", { reason: problem });
    const hashed = password.hashed_password ?? (password.password ? await hashPassword(project, password.password) : undefined);
    prepared.push({
      type: "password",
      config: { ...(hashed ? { hashed_password: hashed } : {}), ...(password.use_password_migration_hook ? { use_password_migration_hook: true } : {}) },
      identifiers: [],
    });
  }
  for (const type of ["oidc", "saml"] as const) {
    const providers = input?.[type]?.config?.providers ?? [];
    if (!providers.length) continue;
    prepared.push({
      type,
      config: { providers: providers.map((p) => ({ provider: p.provider, subject: p.subject, ...(p.organization ? { organization: p.organization } : {}), ...(p.use_auto_link ? { use_auto_link: true } : {}) })) },
      identifiers: providers.map((p) => `${p.provider}:${p.subject}`),
    });
  }
  return prepared;
}

/** Writes (or replaces) prepared credentials; trait-derived identifiers are set by syncTraitIndexes afterwards. */
export async function writeCredentials(tx: IdentityTx, projectId: string, identityId: string, prepared: PreparedCredential[], validated: ValidatedTraits): Promise<void> {
  for (const credential of prepared) {
    if (credential.type === "password" && validated.identifiers.password.length === 0) {
      throw badRequest("The request was malformed or contained invalid parameters", {
        reason: "The identity schema marks no trait as a password identifier, so a password cannot be set.",
      });
    }
    const existing = await tx.identityCredential.findFirst({ where: { identityId, type: credential.type } });
    const id = existing?.id ?? newId();
    if (existing) {
      await tx.identityCredential.update({ where: { projectId_id: { projectId, id } }, data: { config: credential.config as object, version: { increment: 1 } } });
      if (credential.identifiers.length) await tx.identityCredentialIdentifier.deleteMany({ where: { credentialId: id } });
    } else {
      await tx.identityCredential.create({ data: { projectId, id, identityId, type: credential.type, config: credential.config as object, version: 1 } });
    }
    if (credential.identifiers.length) {
      await tx.identityCredentialIdentifier.createMany({ data: credential.identifiers.map((identifier) => ({ projectId, id: newId(), credentialId: id, identityId, type: credential.type, identifier })) });
    }
  }
}
