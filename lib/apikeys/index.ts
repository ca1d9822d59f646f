export * from "./tokens";
export { verifyProjectApiKey, forgetProjectKey, type VerifiedProjectKey } from "./verify";
