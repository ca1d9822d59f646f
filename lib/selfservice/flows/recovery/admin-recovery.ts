import { z } from "zod";
import { notFound } from "@/lib/core/errors";
import { getIdentity } from "@/lib/identity";
import { recordAudit } from "@/lib/audit";
import { issueCode } from "../../strategies/code/codes";
import { parseGoDuration } from "@/lib/core/duration";
import { text } from "../../ui";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { saveFlow } from "../store";
import type { FlowContext } from "../types";
import { flowUrls } from "../urls";
import { rerender } from "../rerender";

// Ory's `expires_in`: a positive Go duration ("1h", "15m30s").
const duration = z.string().refine((value) => (parseGoDuration(value) ?? 0) > 0, "must be a positive duration like 1h or 15m").optional();
export const recoveryCodeBody = z.object({ identity_id: z.uuid(), expires_in: duration, flow_type: z.enum(["browser", "api"]).default("browser") });
export const recoveryLinkBody = z.object({ identity_id: z.uuid(), expires_in: duration });

async function prepare(ctx: FlowContext, identityId: string, expiresIn: string | undefined, type: "browser" | "api") {
  const identity = await getIdentity(ctx, identityId);
  if (!identity) throw notFound("The requested identity does not exist.", { id: "not_found" });
  const lifespanMs = Math.round(parseGoDuration(expiresIn) ?? flowSettings(ctx.project.config).codeLifespanMs);
  // Opened later by the person in their own browser, which holds no CSRF cookie for it (Kratos skips the check too).
  const { flow } = await startFlow(ctx, { kind: "recovery", type, state: "sent_email", skipCsrf: true, lifespanMs, context: { address: identity.recoveryAddresses[0]?.value } });
  await recordAudit(ctx.db, {
    workspaceId: ctx.project.workspaceId, projectId: ctx.project.id, actorType: ctx.actor.type, actorId: ctx.actor.id ?? "",
    action: "identity.recovery.created", targetType: "identity", targetId: identity.id, data: { flow_id: flow.id }, ip: ctx.request.ip,
  });
  return { identity, flow, lifespanMs };
}

/** `POST /admin/recovery/code`: a recovery flow waiting for the returned code (Ory's recoveryCodeForIdentity). */
export async function createRecoveryCodeForIdentity(ctx: FlowContext, body: z.infer<typeof recoveryCodeBody>) {
  const { identity, flow, lifespanMs } = await prepare(ctx, body.identity_id, body.expires_in, body.flow_type);
  const code = await issueCode(ctx, { kind: "recovery", flowId: flow.id, identityId: identity.id, address: flow.context.address ?? "", lifespanMs });
  flow.active = "code";
  await rerender(ctx, flow, []);
  return { recovery_link: flowUrls(ctx).ui("recovery", flow.id), recovery_code: code, expires_at: flow.expiresAt.toISOString() };
}

/** `POST /admin/recovery/link`: a one-time link that signs the person in and opens settings. */
export async function createRecoveryLinkForIdentity(ctx: FlowContext, body: z.infer<typeof recoveryLinkBody>) {
  const { identity, flow, lifespanMs } = await prepare(ctx, body.identity_id, body.expires_in, "browser");
  const token = await issueCode(ctx, { kind: "recovery_link", flowId: flow.id, identityId: identity.id, address: flow.context.address ?? "", lifespanMs });
  flow.active = "link";
  flow.ui.messages = [text.recoveryCodeSent()];
  await saveFlow(ctx, flow);
  const link = new URL(`${flowUrls(ctx).base}/self-service/recovery`);
  link.searchParams.set("flow", flow.id);
  link.searchParams.set("token", token);
  return { recovery_link: link.toString(), expires_at: flow.expiresAt.toISOString() };
}
