import type { CredentialRecord } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { LoginEnv, LoginResult } from "../../flows/login/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext } from "../../flows/types";
import { text } from "../../ui";
import { findCode, lookupConfigOf } from "./codes";
import { useRecoveryCode } from "./use-code";

export const lookupCredential = (identity: { credentials: CredentialRecord[] } | undefined): CredentialRecord | undefined =>
  identity?.credentials.find((credential) => credential.type === "lookup_secret" && lookupConfigOf(credential.config));

/**
 * The second step of a login with a recovery code (Kratos' lookup_secret login): the code must be one of the
 * signed-in identity's and unused; it is marked used with the time, atomically, so it signs in once.
 */
export async function submitLookupLogin(ctx: FlowContext, body: SubmitBody, env: LoginEnv): Promise<LoginResult> {
  const code = bodyString(body, "lookup_secret")?.trim() ?? "";
  if (!code) throw new FlowValidationError([], { lookup_secret: [text.required("lookup_secret")] });
  const identity = env.identity;
  const credential = lookupCredential(identity);
  const config = lookupConfigOf(credential?.config);
  if (!identity || !credential || !config) throw new FlowValidationError([text.noLookup()]);
  const index = await findCode(config, code);
  if (index < 0) throw new FlowValidationError([text.lookupInvalid()]);
  const stored = config.recovery_codes[index]!;
  if (stored.used_at || !(await useRecoveryCode(ctx, credential.id, index, stored.hash))) throw new FlowValidationError([text.lookupAlreadyUsed()]);
  return { identity, method: "lookup_secret", aal: "aal2" };
}
