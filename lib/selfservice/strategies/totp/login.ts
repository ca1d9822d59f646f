import type { CredentialRecord } from "@/lib/identity";
import { bodyString } from "../../flows/body";
import { FlowValidationError } from "../../flows/errors";
import type { LoginEnv, LoginResult } from "../../flows/login/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext } from "../../flows/types";
import { text } from "../../ui";
import { matchingStep, openSeed, type TotpConfig } from "./key";
import { claimTotpStep } from "./step";

export const totpCredential = (identity: { credentials: CredentialRecord[] } | undefined): CredentialRecord | undefined =>
  identity?.credentials.find((credential) => credential.type === "totp" && typeof (credential.config as Partial<TotpConfig>).secret === "string");

/**
 * The second step of a login with the authenticator app's code (Kratos' totp login): the signed-in identity's seed
 * (from its session — the whoami cache, as a rule), a code of the current step or one beside it, and that step
 * claimed atomically so no code is accepted twice (a replay gets Kratos' "invalid code", 4000008).
 */
export async function submitTotpLogin(ctx: FlowContext, body: SubmitBody, env: LoginEnv): Promise<LoginResult> {
  const code = bodyString(body, "totp_code")?.trim() ?? "";
  if (!code) throw new FlowValidationError([], { totp_code: [text.required("totp_code")] });
  const identity = env.identity;
  const credential = totpCredential(identity);
  if (!identity || !credential) throw new FlowValidationError([text.noTotpDevice()]);
  const config = credential.config as unknown as TotpConfig;
  const step = matchingStep(await openSeed(config.secret, ctx.project.id, identity.id), code, ctx.now);
  // A step not after the one last used (as far as this copy of the identity knows) is refused without a write.
  if (step === undefined || step <= (config.last_step ?? -1) || !(await claimTotpStep(ctx, credential.id, step))) {
    throw new FlowValidationError([text.totpCodeInvalid()]);
  }
  return { identity, method: "totp", aal: "aal2" };
}
