/**
 * Identities (Kratos) — the public face of lib/identity. Services take a ServiceContext (lib/http's
 * ProjectContext satisfies it) and operate on the context's project only.
 */
export { auditActor, type ServiceContext } from "./context";
export { identityChanged, onIdentityChanged } from "./changes";
export { kratosConfig, argon2Parameters, passwordPolicySettings, type Argon2Parameters, type PasswordPolicySettings } from "./config";

// Schemas
export { identitySchemas, defaultSchemaId, getIdentitySchema, findIdentitySchema, schemaUrl, type IdentitySchemaEntry, type JsonSchema } from "./schemas/registry";
export { EMAIL_PRESET_ID, EMAIL_PRESET_SCHEMA } from "./schemas/presets";
export { validateTraits, normalizeIdentifier, type ValidatedTraits, type IdentityAddress, type IdentifierCredentialType } from "./schemas/validate";
export { extensionTraits, type KratosTraitExtension } from "./schemas/extension";

// Identities
export { createIdentityBodySchema, updateIdentityBodySchema, credentialsInputSchema, type CreateIdentityInput, type UpdateIdentityInput } from "./input";
export { createIdentity } from "./create";
export { getIdentity, getIdentityByExternalId, findIdentityByIdentifier, findRecoveryAddress, findVerifiableAddress } from "./read";
export { updateIdentity, updateIdentityTraits } from "./update";
export { patchIdentity, jsonPatchSchema } from "./patch";
export { deleteIdentity, deleteIdentityCredentials } from "./delete";
export { replaceCredential, removeCredential, type CredentialInput } from "./credential-write";
export { batchPatchIdentities, batchPatchBodySchema } from "./batch";
export { listIdentities, type ListIdentitiesInput, type IdentityPage } from "./list";
export { searchIdentities } from "./search";
export { markAddressVerified, setAddressStatus } from "./addresses";
export { toOryIdentity, type OryIdentity, type OryIdentityOptions } from "./serialize";
export { CREDENTIAL_TYPES, type CredentialType, type IdentityRecord, type CredentialRecord } from "./store/record";

// Passwords
export { verifyPasswordLogin, passwordLoginStatement, setPassword, PasswordPolicyError } from "./password";
export { PASSWORD_CREDENTIAL_STATEMENT as PASSWORD_LOGIN_STATEMENT } from "./store/sql-read";
export { PASSKEY_CREDENTIAL_STATEMENT as PASSKEY_LOGIN_STATEMENT, passkeyCredentialStatement, passwordCredentialFromRows as credentialMatchFromRows } from "./store/sql-read";
export { checkPasswordPolicy, type PolicyMessage } from "./password/policy";
export { hashPassword, verifyPasswordHash, needsRehash } from "./password/hasher";
export { isSupportedHash, verifyHash } from "./hashes";
