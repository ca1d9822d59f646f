import type { IdentityRecord } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { SettingsEnv, SettingsUpdate } from "../../flows/settings/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import {
  claimChallenge, creationOptions, flowChallenge, parseAttestation, relyingParty, scriptNode, triggerNode, verifyAttestation, webAuthnCredential,
  writeAuthenticators, type StoredAuthenticator,
} from "../webauthn";
import { handleIdentifier, newUserHandle } from "./handle";

/** Credentials that sign someone in on their own besides passkeys (Kratos' first factors). */
const OTHER_FIRST_FACTORS = new Set(["password", "oidc", "saml"]);

/** Whether one passkey may go: never the last way to sign in (another passkey, or another first factor, must remain). */
function mayRemoveOne(identity: IdentityRecord, passkeys: StoredAuthenticator[]): boolean {
  return passkeys.length > 1 || identity.credentials.some((credential) => OTHER_FIRST_FACTORS.has(credential.type));
}

/** The identity's passkey user handle, or the one this flow made for its first passkey. */
function userHandle(flow: FlowRecord, identity: IdentityRecord): string {
  const existing = webAuthnCredential(identity, "passkey")?.config.user_handle;
  if (existing) return existing;
  flow.context.passkey_user_handle ??= newUserHandle();
  return flow.context.passkey_user_handle;
}

/** Settings: a remove button per passkey (unless it is the last way to sign in), then the "add passkey" trigger and fields. */
export async function passkeySettingsNodes(ctx: FlowContext, flow: FlowRecord, env: SettingsEnv): Promise<UiNode[]> {
  const existing = webAuthnCredential(env.identity, "passkey")?.config.credentials ?? [];
  const name = env.identity.credentials.find((c) => c.type === "password")?.identifiers[0]?.identifier ?? env.identity.id;
  const options = await creationOptions(relyingParty(ctx, "passkey"), flowChallenge(flow), { handle: userHandle(flow, env.identity), name }, existing, true);
  return [
    ...(mayRemoveOne(env.identity, existing)
      ? existing.map((item) => inputNode("passkey_remove", "passkey", { type: "submit", value: item.id, label: text.removePasskey(item.display_name, new Date(item.added_at)) }))
      : []),
    inputNode("passkey_create_data", "passkey", { type: "hidden", value: JSON.stringify(options) }),
    inputNode("passkey_settings_register", "passkey", { type: "hidden", value: "" }),
    triggerNode("passkey_register_trigger", "passkey", "oryPasskeySettingsRegistration", "", text.addPasskey()),
    scriptNode(ctx, "passkey"),
  ];
}

/**
 * Kratos' passkey settings: `passkey_remove` removes one (refused when it is the last way to sign in),
 * `passkey_settings_register` adds one verified with user verification against the flow's challenge, origin and RP ID.
 * Both privileged, audited.
 */
export async function submitPasskeySettings(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: SettingsEnv): Promise<SettingsUpdate> {
  const current = webAuthnCredential(env.identity, "passkey")?.config;
  const existing = current?.credentials ?? [];
  const handle = userHandle(flow, env.identity);
  const write = (credentials: StoredAuthenticator[], action: string) => () =>
    writeAuthenticators(ctx, env.identity, "passkey", { credentials, user_handle: handle }, handleIdentifier(handle), action);
  const remove = bodyString(body, "passkey_remove");
  if (remove) {
    if (!existing.some((item) => item.id === remove)) throw new FlowValidationError([text.noWebAuthnDevice()]);
    if (!mayRemoveOne(env.identity, existing)) throw new FlowValidationError([text.generic("The last passkey can not be removed: it is the only way to sign in.")]);
    return { method: "passkey", privileged: true, apply: write(existing.filter((item) => item.id !== remove), "identity.credentials.passkey.unlinked") };
  }
  const raw = bodyString(body, "passkey_settings_register") ?? "";
  if (!raw) throw new FlowValidationError([], { passkey_settings_register: [text.required("passkey_settings_register")] });
  const attestation = parseAttestation(raw);
  const challenge = await claimChallenge(ctx, flow, text.generic("The passkey's response could not be verified."));
  const added = attestation && (await verifyAttestation(relyingParty(ctx, "passkey"), challenge, attestation, { userVerification: true, displayName: "Passkey", now: ctx.now }));
  if (!added || existing.some((item) => item.id === added.id)) throw new FlowValidationError([text.generic("The passkey's response could not be verified.")]);
  delete flow.context.passkey_user_handle;
  return { method: "passkey", privileged: true, apply: write([...existing, added], "identity.credentials.passkey.linked") };
}
