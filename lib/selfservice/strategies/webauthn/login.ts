import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { LoginEnv, LoginResult } from "../../flows/login/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { checkAssertion } from "./assert";
import { claimChallenge, flowChallenge } from "./challenge";
import { webAuthnCredential } from "./credentials";
import { scriptNode, triggerNode } from "./nodes";
import { requestOptions } from "./options";
import { relyingParty } from "./rp";
import { parseAssertion } from "./verify";

/** Kratos' webauthn login nodes (the second step): the trigger carrying the request options, the result field, the script. */
export async function webAuthnLoginNodes(ctx: FlowContext, flow: FlowRecord, env: LoginEnv): Promise<UiNode[]> {
  const credential = webAuthnCredential(env.identity, "webauthn");
  if (!credential) return [];
  const options = await requestOptions(relyingParty(ctx, "webauthn"), flowChallenge(flow), credential.config.credentials, false);
  return [
    inputNode("webauthn_login", "webauthn", { type: "hidden", value: "" }),
    triggerNode("webauthn_login_trigger", "webauthn", "oryWebAuthnLogin", JSON.stringify(options), text.loginWebAuthn()),
    scriptNode(ctx, "webauthn"),
  ];
}

/**
 * The second step with a security key: an assertion by one of the signed-in identity's authenticators over the flow's
 * challenge (claimed once), from the project's origin and RP ID (WebAuthn L2 §7.2). User verification is not required
 * of a second factor (Kratos).
 */
export async function submitWebAuthnLogin(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: LoginEnv): Promise<LoginResult> {
  const raw = bodyString(body, "webauthn_login") ?? "";
  if (!raw) throw new FlowValidationError([], { webauthn_login: [text.required("webauthn_login")] });
  const identity = env.identity;
  if (!identity || !webAuthnCredential(identity, "webauthn")) throw new FlowValidationError([text.noWebAuthnDevice()]);
  const assertion = parseAssertion(raw);
  const challenge = await claimChallenge(ctx, flow);
  if (!assertion) throw new FlowValidationError([text.invalidCredentials()]);
  await checkAssertion(ctx, relyingParty(ctx, "webauthn"), challenge, assertion, identity, "webauthn", false);
  return { identity, method: "webauthn", aal: "aal2" };
}
