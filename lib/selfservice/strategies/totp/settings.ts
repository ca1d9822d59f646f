import { enforceRateLimit } from "@/lib/ratelimit";
import { addAuthenticationMethod } from "@/lib/sessions";
import { removeCredential, replaceCredential } from "@/lib/identity";
import { bodyFlag, bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import { FlowValidationError } from "../../flows/errors";
import type { SettingsEnv, SettingsUpdate } from "../../flows/settings/strategy";
import type { SubmitBody } from "../../flows/strategy";
import type { FlowContext, FlowRecord } from "../../flows/types";
import { text, type UiNode } from "../../ui";
import { totpAccountName, totpIssuer } from "./account";
import { keyUri, matchingStep, newSeed, openPendingSeed, sealedConfig, sealPendingSeed } from "./key";
import { totpCredential } from "./login";
import { totpEnrolNodes, totpUnlinkNodes } from "./nodes";

/** The seed this settings flow shows: made (and kept in the flow, sealed) on first render, the same on every re-render. */
async function pendingSeed(ctx: FlowContext, flow: FlowRecord): Promise<string> {
  if (flow.context.totp_pending) return openPendingSeed(flow.context.totp_pending, ctx.project.id, flow.id);
  const seed = newSeed();
  flow.context.totp_pending = await sealPendingSeed(seed, ctx.project.id, flow.id);
  return seed;
}

/** Settings nodes: unlink when the identity has TOTP, else the enrolment (QR code, secret, first code). */
export async function totpSettingsNodes(ctx: FlowContext, flow: FlowRecord, env: SettingsEnv): Promise<UiNode[]> {
  if (totpCredential(env.identity)) return totpUnlinkNodes();
  const seed = await pendingSeed(ctx, flow);
  return totpEnrolNodes(keyUri(seed, totpIssuer(ctx), totpAccountName(ctx, env.identity)), seed);
}

/**
 * Kratos' totp settings: with TOTP set up, `totp_unlink` removes it; without, the first code from the app confirms the
 * seed shown, which becomes the credential (its step counted as used) and adds `totp` (aal2) to the session, as Kratos
 * does. Both are privileged changes.
 */
export async function submitTotpSettings(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: SettingsEnv): Promise<SettingsUpdate> {
  const identityId = env.identity.id;
  if (totpCredential(env.identity)) {
    const unlink = bodyFlag(body, "totp_unlink");
    return {
      method: "totp",
      privileged: true,
      apply: async () => {
        if (!unlink) return env.identity;
        return (await removeCredential(ctx, identityId, "totp", "identity.credentials.totp.unlinked")) ?? env.identity;
      },
    };
  }
  const code = bodyString(body, "totp_code")?.trim() ?? "";
  if (!code) throw new FlowValidationError([], { totp_code: [text.required("totp_code")] });
  if (!flow.context.totp_pending) throw new FlowValidationError([text.noTotpDevice()]);
  await enforceRateLimit({ projectId: ctx.project.id, rule: "second_factor:identity", subject: identityId, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now });
  const seed = await openPendingSeed(flow.context.totp_pending, ctx.project.id, flow.id);
  const step = matchingStep(seed, code, ctx.now);
  if (step === undefined) throw new FlowValidationError([], { totp_code: [text.totpCodeInvalid()] });
  return {
    method: "totp",
    privileged: true,
    apply: async () => {
      const config = { ...(await sealedConfig(seed, ctx.project.id, identityId)), last_step: step };
      const identity = await replaceCredential(ctx, identityId, { type: "totp", config: { ...config }, identifiers: [identityId] }, "identity.credentials.totp.linked");
      delete flow.context.totp_pending;
      await addAuthenticationMethod(ctx, env.session.session.id, "totp", "aal2");
      return identity;
    },
  };
}
