import { configAt } from "@/lib/courier";
import { extensionTraits, validateTraits, type JsonSchema } from "@/lib/identity";
import { bodyString, traitsFromBody } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { RegistrationResult } from "../../flows/registration/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { inputNode, text, type UiNode } from "../../ui";
import { traitErrorsToValidation } from "../traits/schema-errors";
import { coerceTraits, flowSchema, traitNodes } from "../traits/nodes";
import { claimChallenge, creationOptions, flowChallenge, parseAttestation, relyingParty, scriptNode, triggerNode, verifyAttestation } from "../webauthn";
import { handleIdentifier, newUserHandle } from "./handle";

/** The trait whose value names the passkey on the device: `credentials.passkey.display_name`, else the first identifier. */
function displayNameField(schema: JsonSchema): string | undefined {
  const traits = extensionTraits(schema).filter((trait) => !trait.path.includes("*"));
  const named = traits.find((trait) => trait.extension.credentials?.passkey?.display_name)
    ?? traits.find((trait) => trait.extension.credentials?.password?.identifier || trait.extension.credentials?.webauthn?.identifier);
  return named ? ["traits", ...named.path].join(".") : undefined;
}

const passwordOn = (ctx: FlowContext) =>
  configAt(ctx.project.config, ["services", "identity", "config", "selfservice", "methods", "password", "enabled"]) !== false;

/**
 * Kratos' passkey registration nodes: the traits (unless the password method shows them already), the creation options
 * with the field naming the passkey (`passkey_create_data`), the result field, the trigger, the script. The user handle
 * is made now and kept in the flow: it becomes the identity's passkey identifier.
 */
export async function passkeyRegistrationNodes(ctx: FlowContext, flow: FlowRecord): Promise<UiNode[]> {
  const { schema } = flowSchema(ctx, flow);
  flow.context.passkey_user_handle ??= newUserHandle();
  const options = await creationOptions(relyingParty(ctx, "passkey"), flowChallenge(flow), { handle: flow.context.passkey_user_handle, name: "passkey" }, [], true);
  const field = displayNameField(schema);
  return [
    ...(passwordOn(ctx) ? [] : traitNodes(schema, "default")),
    inputNode("passkey_create_data", "passkey", { type: "hidden", value: JSON.stringify({ credentialOptions: options, ...(field ? { displayNameFieldName: field } : {}) }) }),
    inputNode("passkey_register", "passkey", { type: "hidden", value: "" }),
    triggerNode("passkey_register_trigger", "passkey", "oryPasskeyRegistration", "", text.registerPasskey()),
    scriptNode(ctx, "passkey"),
  ];
}

/**
 * Sign-up with a passkey: the traits as the schema wants them, and a new discoverable credential created with user
 * verification for the flow's challenge (claimed once), origin and RP ID (WebAuthn L2 §7.1). The identity is created
 * with it as its `passkey` credential, found later by its user handle.
 */
export async function submitPasskeyRegistration(ctx: FlowContext, flow: FlowRecord, body: SubmitBody): Promise<RegistrationResult> {
  const { id: schemaId, schema } = flowSchema(ctx, flow);
  const traits = coerceTraits(schema, traitsFromBody(body));
  try {
    validateTraits(ctx.project, schemaId, traits);
  } catch (error) {
    throw traitErrorsToValidation(error) ?? error;
  }
  const raw = bodyString(body, "passkey_register") ?? "";
  if (!raw) throw new FlowValidationError([], { passkey_register: [text.required("passkey_register")] });
  const handle = flow.context.passkey_user_handle;
  const attestation = parseAttestation(raw);
  const challenge = await claimChallenge(ctx, flow, text.generic("The passkey's response could not be verified."));
  const field = displayNameField(schema);
  const named = field ? bodyString(body, field) ?? bodyString(traits, field.slice("traits.".length)) : undefined;
  const stored = handle && attestation
    ? await verifyAttestation(relyingParty(ctx, "passkey"), challenge, attestation, { userVerification: true, displayName: (named ?? "").slice(0, 100) || "Passkey", now: ctx.now })
    : undefined;
  if (!handle || !stored) throw new FlowValidationError([text.generic("The passkey's response could not be verified.")]);
  return {
    method: "passkey",
    schemaId,
    traits,
    credentials: {},
    made: [{ type: "passkey", config: { credentials: [stored], user_handle: handle }, identifiers: [handleIdentifier(handle)] }],
  };
}
