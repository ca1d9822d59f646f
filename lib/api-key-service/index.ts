/**
 * The API key service (Ory Network's v2alpha1 "API keys" for a tenant's own API — not the project's management keys,
 * which live in lib/apikeys). README.md in this folder has the design.
 */
export { SECRET_KEY_PREFIX, PUBLIC_KEY_PREFIX, isWellFormedSecret } from "./format";
export { issueApiKey } from "./issue";
export { rotateIssuedApiKey } from "./rotate";
export { importApiKey, batchImportApiKeys } from "./imported";
export { adminRevokeKey, selfRevokeKey } from "./revoke";
export { getKey, listKeys, updateKey, deleteImportedKey } from "./manage";
export { verifyCredential, type VerifyApiKeyResponse, type VerifyScope, type VerificationErrorCode } from "./verify";
export { deriveToken } from "./derive";
export { derivedJwks } from "./jwks";
export { flushApiKeyUsage } from "./usage";
export { dailyUsage } from "./usage-report";
export { forgetApiKey } from "./key-cache";
export { keyView, keyStatus, type KeyView, type KeyStatus } from "./view";
export type { ServiceScope } from "./scope";
export type { KeyKind } from "./store";
export {
  issueApiKeySchema, importApiKeySchema, batchImportSchema, updateApiKeySchema, adminRevokeSchema, selfRevokeSchema,
  rotateApiKeySchema, verifyRequestSchema, batchVerifySchema, deriveTokenSchema,
  type IssueApiKeyInput, type ImportApiKeyInput, type UpdateApiKeyInput, type AdminRevokeInput, type RotateApiKeyInput, type DeriveTokenInput,
} from "./schemas";
export {
  listConsoleServiceKeys, issueConsoleServiceKey, revokeConsoleServiceKey, consoleServiceKeyFormSchema, USAGE_DAYS,
  type ConsoleServiceKey, type ConsoleServiceKeyForm,
} from "./console";
