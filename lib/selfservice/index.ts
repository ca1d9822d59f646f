/**
 * Self-service flows (Kratos): login, registration, recovery, verification, settings, logout — the public face.
 *
 * ## Flow JSON contract (what the hosted pages render)
 * A flow is Ory's object: `{id, type: "browser"|"api", expires_at, issued_at, request_url, return_to?, active?,
 * state, ui: {action, method: "POST", nodes, messages?}, …}` (+ `refresh`, `requested_aal` on login, `identity` on
 * settings, `continue_with` after completion). Read it with `GET {base}/self-service/<kind>/flows?id=<flow>` (send the
 * browser's cookies) or `getFlowForPage()` below.
 *
 * Render `ui.nodes` in order, generically; never hard-code fields. Node = `{type, group, attributes, messages,
 * meta.label}`; `attributes.node_type` is `input|text|a|img`. Groups used: `default` (csrf_token, identifier,
 * registration traits), `password` (password + submit), `profile` (settings traits + submit), `code` (recovery /
 * verification: email, code, resend). Labels and messages carry Ory ids (1010001 "Sign in", 1040001 "Sign up",
 * 1070001 Password, 1070002 = schema title in `context.title`, 1070003 Save, 1070004 ID, 1070005 Submit, 1070007
 * Email, 1070008 Resend code, 1070009 Continue, 1070010 Recovery code, 1070011 Verification code; messages 1010003
 * re-auth, 1050001 saved, 1060001 recovered, 1060003 recovery code sent, 1080002 verified, 1080003 verification code
 * sent, 4000002 required, 4000006 invalid credentials, 4000007 duplicate, 40000xx password policy, 4060006 / 4070006
 * wrong code, 4010001/4040001/4050001/4060005/4070005 flow expired). Translate by id, fall back to `text`.
 *
 * Submitting: an HTML `<form method="POST" action="{ui.action}">` (application/x-www-form-urlencoded) with every input
 * node as a field (`name`/`value`; hidden ones too — `csrf_token` is mandatory for browser flows) and the clicked
 * submit button's `name=value` (e.g. `method=password`). Field names are flat (`traits.email`). The answer is a 303:
 * back to the page (`/ui/<kind>?flow=<id>`, now showing messages) on invalid input, onwards on success (return_to,
 * the settings page after recovery, the verification page after registration), to `/ui/error?id=` on errors, or to a
 * fresh flow when the old one expired. JSON clients (`Accept: application/json`) get 200/400/410/422 bodies instead.
 * Recovery/verification: the `email` node of type `submit` in state `sent_email` is the "resend code" button.
 * OAuth2 account chooser (a login flow with a login_challenge, prompt=select_account or a request for another
 * account): its only nodes are `csrf_token` and `select_account` submits (`current`, `hinted`, `another`; labels
 * 1010904–1010906, message 1010901–1010903); the first is the recommended choice. After `another`/`hinted` the same
 * flow shows the sign-in methods.
 */
export { flowKinds, type FlowContext, type FlowKind, type FlowRecord, type FlowRequest, type FlowResponse, type FlowType } from "./flows/types";
export type { UiContainer, UiNode, UiText, UiNodeGroup } from "./ui";
export { text as flowMessages } from "./ui";
export { toOryFlow, type OryFlow } from "./flows/serialize";
export { findFlow, pruneFlows } from "./flows/store";
export { createFlow, submitFlowOf } from "./flows/kinds";
export { browserError, errorJson, flowJson, getFlowError, wantsJson } from "./flows/respond";
export { FlowError, FlowValidationError } from "./flows/errors";
export { createBrowserLogout, performBrowserLogout, performNativeLogout } from "./flows/logout/logout";
export { redeemRecoveryLink } from "./flows/recovery/recovery-link";
export { redeemVerificationLink } from "./flows/verification/verification-link";
export { createRecoveryCodeForIdentity, createRecoveryLinkForIdentity, recoveryCodeBody, recoveryLinkBody } from "./flows/recovery/admin-recovery";
export { getFlowForPage } from "./flows/read";

// Strategies (one typed interface per flow kind) and the registry of the methods a project enabled.
export { NOT_RESPONSIBLE, type MethodId, type NotResponsible, type Strategy, type SubmitBody } from "./flows/strategy";
export type { Factor, LoginEnv, LoginResult, LoginStrategy } from "./flows/login/strategy";
export type { RegistrationResult, RegistrationStrategy } from "./flows/registration/strategy";
export type { SettingsEnv, SettingsStrategy, SettingsUpdate } from "./flows/settings/strategy";
export type { RecoveryResult, RecoveryStrategy } from "./flows/recovery/strategy";
export type { VerificationResult, VerificationStrategy } from "./flows/verification/strategy";
export { methodEnabled, projectStrategies } from "./strategies";
export { WEBAUTHN_SCRIPT } from "./strategies/webauthn/script";

// Post-flow hooks, and the web hook delivery worker.
export { afterHooks, type HookSpec } from "./hooks";
export { deliverWebhooks, startWebhookWorker } from "./hooks";

// What the hosted pages' server code needs (lib/selfservice/ui is the client-safe part).
export { hostedContext, hostedBranding, pageRequest, type HostedContext, type PageRequest } from "./hosted/context";
export { flowLinks, selfServiceEnabled, type FlowLinks } from "./hosted/links";
export { oauth2Client, oauth2ClientName, isAccountChooser } from "./hosted/oauth2-client";
export { signOutUrl, welcomeView, type WelcomeView } from "./hosted/welcome";
export { elementsConfiguration, changePasswordUrl } from "./hosted/elements-configuration";
