import { enforceRateLimit } from "@/lib/ratelimit";
import { addAuthenticationMethod } from "@/lib/sessions";
import { removeCredential, replaceCredential, type IdentityRecord } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import { FlowValidationError } from "../../flows/errors";
import type { SettingsEnv, SettingsUpdate } from "../../flows/settings/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { claimChallenge, flowChallenge } from "./challenge";
import { webAuthnCredential, type StoredAuthenticator, type WebAuthnConfig } from "./credentials";
import { scriptNode, triggerNode } from "./nodes";
import { creationOptions } from "./options";
import { relyingParty } from "./rp";
import { parseAttestation, verifyAttestation } from "./verify";

/** A second factor's user handle: the identity's id as bytes (Kratos), base64url. */
const identityHandle = (identity: IdentityRecord) => Buffer.from(identity.id.replace(/-/g, ""), "hex").toString("base64url");

/** Settings: a remove button per security key, then the name field, the "add" trigger (creation options), the result field. */
export async function webAuthnSettingsNodes(ctx: FlowContext, flow: FlowRecord, env: SettingsEnv): Promise<UiNode[]> {
  const existing = webAuthnCredential(env.identity, "webauthn")?.config.credentials ?? [];
  const options = await creationOptions(relyingParty(ctx, "webauthn"), flowChallenge(flow), { handle: identityHandle(env.identity), name: env.identity.id }, existing, false);
  return [
    ...existing.map((item) => inputNode("webauthn_remove", "webauthn", { type: "submit", value: item.id, label: text.removeWebAuthn(item.display_name, new Date(item.added_at)) })),
    inputNode("webauthn_register_displayname", "webauthn", { type: "text", value: "", label: text.webauthnDisplayName() }),
    inputNode("webauthn_register", "webauthn", { type: "hidden", value: "" }),
    triggerNode("webauthn_register_trigger", "webauthn", "oryWebAuthnRegistration", JSON.stringify(options), text.addWebAuthn()),
    scriptNode(ctx, "webauthn"),
  ];
}

/** Writes the identity's authenticators of a type (none left: the credential goes), audited, one credential row. */
export async function writeAuthenticators(
  ctx: FlowContext, identity: IdentityRecord, type: "webauthn" | "passkey", config: WebAuthnConfig, identifier: string, action: string,
): Promise<IdentityRecord> {
  if (!config.credentials.length) return (await removeCredential(ctx, identity.id, type, action)) ?? identity;
  return replaceCredential(ctx, identity.id, { type, config: { ...config }, identifiers: [identifier] }, action);
}

/** Kratos' `webauthn_remove`: the named security key goes (a second factor: the last one may go too). */
function removal(ctx: FlowContext, env: SettingsEnv, id: string): SettingsUpdate {
  const current = webAuthnCredential(env.identity, "webauthn");
  if (!current?.config.credentials.some((item) => item.id === id)) throw new FlowValidationError([text.noWebAuthnDevice()]);
  const config = { ...current.config, credentials: current.config.credentials.filter((item) => item.id !== id) };
  return { method: "webauthn", privileged: true, apply: () => writeAuthenticators(ctx, env.identity, "webauthn", config, env.identity.id, "identity.credentials.webauthn.unlinked") };
}

/**
 * Kratos' webauthn settings: `webauthn_remove` removes a key; `webauthn_register` (the attestation webauthn.js posts)
 * adds one after verifying it against the flow's challenge, the project's origin and RP ID (WebAuthn L2 §7.1), and adds
 * `webauthn` (aal2) to the session, as Kratos does. Privileged changes; counted like other second-factor attempts.
 */
export async function submitWebAuthnSettings(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: SettingsEnv): Promise<SettingsUpdate> {
  const remove = bodyString(body, "webauthn_remove");
  if (remove) return removal(ctx, env, remove);
  const raw = bodyString(body, "webauthn_register") ?? "";
  if (!raw) throw new FlowValidationError([], { webauthn_register: [text.required("webauthn_register")] });
  await enforceRateLimit({ projectId: ctx.project.id, rule: "second_factor:identity", subject: env.identity.id, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now });
  const attestation = parseAttestation(raw);
  const challenge = await claimChallenge(ctx, flow);
  const displayName = (bodyString(body, "webauthn_register_displayname") ?? "").trim().slice(0, 100) || "Security key";
  const added = attestation && (await verifyAttestation(relyingParty(ctx, "webauthn"), challenge, attestation, { userVerification: false, displayName, now: ctx.now }));
  const current = webAuthnCredential(env.identity, "webauthn")?.config.credentials ?? [];
  if (!added || current.some((item) => item.id === added.id)) throw new FlowValidationError([text.generic("The security key's response could not be verified.")]);
  const credentials: StoredAuthenticator[] = [...current, added];
  return {
    method: "webauthn",
    privileged: true,
    apply: async () => {
      const identity = await writeAuthenticators(ctx, env.identity, "webauthn", { credentials }, env.identity.id, "identity.credentials.webauthn.linked");
      await addAuthenticationMethod(ctx, env.session.session.id, "webauthn", "aal2");
      return identity;
    },
  };
}
