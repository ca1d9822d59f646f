export { acceptLoginWithSession, completeLoginChallengeWithSession, loadLoginRequest, loginRequiredWithoutPrompt, reauthenticationNeeded, type LoginChallengeResult, type ReauthenticationReason } from "./complete-login";
export { loadConsentRequest, decideConsent, type ConsentDecision } from "./consent";
export { claimsFromIdentity } from "./claims";
export { oauth2PageContext } from "./page-context";
export { acceptUserCode } from "../device/verify";
export { decideLogout, loadLogoutRequest } from "./logout";
export { accountChoiceFor, accountLabel, type AccountChoice, type AccountLabel } from "./account-choice";
export { releaseRememberedLogin } from "../flows/release-login";
