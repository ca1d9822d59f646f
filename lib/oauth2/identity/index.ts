export { completeLoginChallengeWithSession, type LoginChallengeResult } from "./complete-login";
export { loadConsentRequest, decideConsent, type ConsentDecision } from "./consent";
export { claimsFromIdentity } from "./claims";
export { oauth2PageContext } from "./page-context";
export { acceptUserCode } from "../device/verify";
