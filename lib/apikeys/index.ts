export * from "./tokens";
export { verifyProjectApiKey, forgetProjectKey, type VerifiedProjectKey } from "./verify";
export {
  createProjectApiKey, listProjectApiKeys, revokeProjectApiKey, createApiKeyInputSchema,
  type CreateApiKeyInput, type ProjectApiKeyView, type IssuedProjectApiKey,
} from "./project-keys";
