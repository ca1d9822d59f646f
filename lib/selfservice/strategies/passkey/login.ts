import { sqlRunner, type SqlStatement } from "@/lib/db/sql-runner";
import { credentialMatchFromRows, PASSKEY_LOGIN_STATEMENT, passkeyCredentialStatement, type IdentityRecord } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { LoginEnv, LoginResult } from "../../flows/login/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { assertionUserHandle, checkAssertion, claimChallenge, flowChallenge, parseAssertion, relyingParty, requestOptions, scriptNode, triggerNode } from "../webauthn";
import { handleIdentifier } from "./handle";

/**
 * Kratos' passkey login nodes: the request options (no allowed credentials: the authenticator offers its discoverable
 * ones, WebAuthn L2 §6.2.2) whose `onloadTrigger` starts conditional UI (the identifier field's autofill), the result
 * field, the "Sign in with passkey" trigger, the script.
 */
export async function passkeyLoginNodes(ctx: FlowContext, flow: FlowRecord): Promise<UiNode[]> {
  const options = await requestOptions(relyingParty(ctx, "passkey"), flowChallenge(flow), undefined, true);
  const challenge = inputNode("passkey_challenge", "passkey", { type: "hidden", value: JSON.stringify(options) });
  if (challenge.attributes.node_type === "input") challenge.attributes.onloadTrigger = "oryPasskeyLoginAutocompleteInit";
  return [
    challenge,
    inputNode("passkey_login", "passkey", { type: "hidden", value: "" }),
    triggerNode("passkey_login_trigger", "passkey", "oryPasskeyLogin", "", text.loginPasskey()),
    scriptNode(ctx, "passkey"),
  ];
}

/** The submission's user handle, as the identifier its passkey is found by. */
function submittedHandle(body: SubmitBody): string | undefined {
  const assertion = parseAssertion(bodyString(body, "passkey_login") ?? "");
  const handle = assertion && assertionUserHandle(assertion);
  return handle ? handleIdentifier(handle) : undefined;
}

/** The read of the passkey's identity (by user handle), which the login flow runs with its rate limits and flow read. */
export function passkeyPrefetch(ctx: FlowContext, body: SubmitBody): SqlStatement | undefined {
  const identifier = submittedHandle(body);
  return identifier ? passkeyCredentialStatement(ctx.project.id, identifier) : undefined;
}

/** The identity owning the passkey of this user handle in this project (the project-bound identifier index). */
async function passkeyIdentity(ctx: FlowContext, body: SubmitBody, env: LoginEnv): Promise<IdentityRecord | undefined> {
  if (env.prefetched?.name === PASSKEY_LOGIN_STATEMENT) return credentialMatchFromRows(env.prefetched.rows)?.identity;
  const statement = passkeyPrefetch(ctx, body);
  if (!statement) return undefined;
  return credentialMatchFromRows(await (await sqlRunner())(statement.name, statement.text, statement.values))?.identity;
}

/**
 * Sign-in with a passkey: the assertion's user handle names the identity — looked up in this project only (the
 * identifier index is project-bound), so a passkey of another project on the same host finds nobody — and the
 * assertion must verify against that identity's passkey, the flow's challenge (claimed once), the project's origin and
 * RP ID, with user verification (WebAuthn L2 §7.2 step 17: the passkey is the only factor). One message for every
 * refusal (no account enumeration).
 */
export async function submitPasskeyLogin(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: LoginEnv): Promise<LoginResult> {
  const raw = bodyString(body, "passkey_login") ?? "";
  if (!raw) throw new FlowValidationError([], { passkey_login: [text.required("passkey_login")] });
  const assertion = parseAssertion(raw);
  const challenge = await claimChallenge(ctx, flow, text.invalidCredentials());
  const identity = assertion ? await passkeyIdentity(ctx, body, env) : undefined;
  if (!assertion || !identity || identity.state !== "active") throw new FlowValidationError([text.invalidCredentials()]);
  if (flow.context.refresh && env.identity && env.identity.id !== identity.id) throw new FlowValidationError([text.invalidCredentials()]);
  await checkAssertion(ctx, relyingParty(ctx, "passkey"), challenge, assertion, identity, "passkey", true);
  return { identity, method: "passkey", aal: "aal1" };
}
