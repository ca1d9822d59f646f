import type { Row, SqlRunner, SqlStatement } from "@/lib/db/sql-runner";
import type { IdentityRecord } from "./record";

type CredentialRecord = IdentityRecord["credentials"][number];
type IdentifierRecord = CredentialRecord["identifiers"][number];
type VerifiableAddressRecord = IdentityRecord["verifiableAddresses"][number];
type RecoveryAddressRecord = IdentityRecord["recoveryAddresses"][number];

/**
 * The columns of an identity row aliased `i` plus its credentials (with identifiers) and addresses as JSON arrays,
 * ordered as `identityInclude` orders them. Every subquery is constrained by project_id = $1.
 */
export const IDENTITY_COLUMNS_SQL = `i.project_id, i.id, i.schema_id, i.state::text AS state, i.state_changed_at, i.traits, i.metadata_public,
  i.metadata_admin, i.external_id, i.organization_id, i.created_at, i.updated_at,
  (SELECT COALESCE(json_agg(json_build_object('projectId', c.project_id, 'id', c.id, 'identityId', c.identity_id, 'type', c.type,
      'config', c.config, 'version', c.version, 'createdAt', c.created_at, 'updatedAt', c.updated_at,
      'identifiers', (SELECT COALESCE(json_agg(json_build_object('projectId', x.project_id, 'id', x.id, 'credentialId', x.credential_id,
          'identityId', x.identity_id, 'type', x.type, 'identifier', x.identifier, 'createdAt', x.created_at)), '[]')
        FROM identity_credential_identifiers x WHERE x.project_id = $1 AND x.credential_id = c.id)) ORDER BY c.type), '[]')
    FROM identity_credentials c WHERE c.project_id = $1 AND c.identity_id = i.id) AS credentials,
  (SELECT COALESCE(json_agg(json_build_object('projectId', v.project_id, 'id', v.id, 'identityId', v.identity_id, 'via', v.via,
      'value', v.value, 'verified', v.verified, 'verifiedAt', v.verified_at, 'status', v.status, 'createdAt', v.created_at,
      'updatedAt', v.updated_at) ORDER BY v.created_at), '[]')
    FROM identity_verifiable_addresses v WHERE v.project_id = $1 AND v.identity_id = i.id) AS verifiable_addresses,
  (SELECT COALESCE(json_agg(json_build_object('projectId', r.project_id, 'id', r.id, 'identityId', r.identity_id, 'via', r.via,
      'value', r.value, 'createdAt', r.created_at, 'updatedAt', r.updated_at) ORDER BY r.created_at), '[]')
    FROM identity_recovery_addresses r WHERE r.project_id = $1 AND r.identity_id = i.id) AS recovery_addresses`;

// Timestamps inside json_build_object arrive as ISO strings; the records carry Dates like Prisma's.
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
const date = (value: string): Date => new Date(value);
const optionalDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

const identifierFromJson = (x: Json<IdentifierRecord>): IdentifierRecord => ({ ...x, createdAt: date(x.createdAt) });

const credentialFromJson = (c: Json<Omit<CredentialRecord, "identifiers">> & { identifiers: Json<IdentifierRecord>[] }): CredentialRecord => ({
  ...c,
  createdAt: date(c.createdAt),
  updatedAt: date(c.updatedAt),
  identifiers: c.identifiers.map(identifierFromJson),
});

/** An identity row selected with IDENTITY_COLUMNS_SQL, as the record `identityInclude` reads would return. */
export function identityFromRow(row: Row): IdentityRecord {
  return {
    projectId: row.project_id as string,
    id: row.id as string,
    schemaId: row.schema_id as string,
    state: row.state as IdentityRecord["state"],
    stateChangedAt: row.state_changed_at as Date | null,
    traits: row.traits as IdentityRecord["traits"],
    metadataPublic: row.metadata_public as IdentityRecord["metadataPublic"],
    metadataAdmin: row.metadata_admin as IdentityRecord["metadataAdmin"],
    externalId: row.external_id as string | null,
    organizationId: row.organization_id as string | null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    credentials: (row.credentials as Parameters<typeof credentialFromJson>[0][]).map(credentialFromJson),
    verifiableAddresses: (row.verifiable_addresses as Json<VerifiableAddressRecord>[]).map((v) => ({ ...v, verifiedAt: optionalDate(v.verifiedAt), createdAt: date(v.createdAt), updatedAt: date(v.updatedAt) })),
    recoveryAddresses: (row.recovery_addresses as Json<RecoveryAddressRecord>[]).map((r) => ({ ...r, createdAt: date(r.createdAt), updatedAt: date(r.updatedAt) })),
  };
}

export interface PasswordCredentialMatch {
  credentialId: string;
  config: unknown;
  identity: IdentityRecord;
}

/** The password credential holding this (normalized) identifier, with the whole identity a login returns; one statement. */
export async function findPasswordCredential(run: SqlRunner, projectId: string, identifier: string): Promise<PasswordCredentialMatch | undefined> {
  const statement = passwordCredentialStatement(projectId, identifier);
  return passwordCredentialFromRows(await run(statement.name, statement.text, statement.values));
}

export const PASSWORD_CREDENTIAL_STATEMENT = "pc_identity_password_login";
export const PASSKEY_CREDENTIAL_STATEMENT = "pc_identity_passkey_login";

/** The credential of a type holding an identifier, with the whole identity a login returns; one statement. */
const credentialStatement = (name: string, type: "password" | "passkey") => (projectId: string, identifier: string): SqlStatement => ({
  name,
  text: `SELECT pc.id AS credential_id, pc.config AS credential_config, ${IDENTITY_COLUMNS_SQL}
    FROM identity_credential_identifiers ci
    JOIN identity_credentials pc ON pc.project_id = $1 AND pc.id = ci.credential_id
    JOIN identities i ON i.project_id = $1 AND i.id = pc.identity_id
    WHERE ci.project_id = $1::uuid AND ci.type = '${type}' AND ci.identifier = $2`,
  values: [projectId, identifier],
});

/** findPasswordCredential's statement, for a caller that runs it with one of its own (see passwordCredentialFromRows). */
export const passwordCredentialStatement = credentialStatement(PASSWORD_CREDENTIAL_STATEMENT, "password");
/** The passkey credential of a user handle (its identifier) with its identity: a passkey login's one read. */
export const passkeyCredentialStatement = credentialStatement(PASSKEY_CREDENTIAL_STATEMENT, "passkey");

export function passwordCredentialFromRows([row]: Row[]): PasswordCredentialMatch | undefined {
  return row ? { credentialId: row.credential_id as string, config: row.credential_config, identity: identityFromRow(row) } : undefined;
}
