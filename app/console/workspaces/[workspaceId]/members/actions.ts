"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { createWorkspaceInvite, resendWorkspaceInvite, revokeWorkspaceInvite, type IssuedInvite } from "@/lib/workspaces";
import { currentConsoleAccess, publicOrigin } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

/** An invitation link, shown to the inviter once (the token is stored only as a digest). */
export interface InviteLink {
  email: string;
  role: IssuedInvite["role"];
  link: string;
  expiresAt: string;
  emailHeld: boolean;
}

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "required").max(320, "tooLong").email("emailInvalid"),
  role: z.enum(["owner", "admin", "developer", "viewer"], "invalid"),
});
const inviteIdSchema = z.object({ inviteId: z.uuid("invalid") });

const linkOf = (issued: IssuedInvite): InviteLink => ({
  email: issued.email, role: issued.role, link: issued.link, expiresAt: issued.expiresAt.toISOString(), emailHeld: issued.emailHeld,
});
const membersPath = (workspaceId: string) => `/console/workspaces/${workspaceId}/members`;
// The email goes out in the inviter's console language (the invitee's is unknown).
const delivery = async () => ({ origin: await publicOrigin(), locale: await getLocale() });

export async function inviteMemberAction(workspaceId: string, _previous: FormState<InviteLink>, form: FormData): Promise<FormState<InviteLink>> {
  const access = await currentConsoleAccess();
  const values = formValues(form, ["email", "role"]);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  try {
    const issued = await createWorkspaceInvite(access, workspaceId, parsed.data, await delivery());
    revalidatePath(membersPath(workspaceId));
    return { result: linkOf(issued), submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
}

export async function resendInviteAction(workspaceId: string, _previous: FormState<InviteLink>, form: FormData): Promise<FormState<InviteLink>> {
  const access = await currentConsoleAccess();
  const parsed = inviteIdSchema.safeParse({ inviteId: form.get("inviteId") });
  if (!parsed.success) return { formError: "invalid", submittedAt: Date.now() };
  try {
    const issued = await resendWorkspaceInvite(access, workspaceId, parsed.data.inviteId, await delivery());
    revalidatePath(membersPath(workspaceId));
    return { result: linkOf(issued), submittedAt: Date.now() };
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
}

export async function revokeInviteAction(workspaceId: string, _previous: FormState<{ revoked: boolean }>, form: FormData): Promise<FormState<{ revoked: boolean }>> {
  const access = await currentConsoleAccess();
  const parsed = inviteIdSchema.safeParse({ inviteId: form.get("inviteId") });
  if (!parsed.success) return { formError: "invalid", submittedAt: Date.now() };
  try {
    await revokeWorkspaceInvite(access, workspaceId, parsed.data.inviteId);
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
  revalidatePath(membersPath(workspaceId));
  return { result: { revoked: true }, submittedAt: Date.now() };
}
