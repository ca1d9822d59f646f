"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createConsoleSession } from "@/lib/console/session";
import { AppError } from "@/lib/core/errors";
import type { UiText } from "@/lib/selfservice/ui";
import { PasswordPolicyError } from "@/lib/identity";
import { acceptInvitation, acceptInvitationWithNewAccount } from "@/lib/workspaces";
import { currentConsoleUser, endConsoleSignIn, requestMeta, setConsoleSessionCookie } from "@/app/_lib/console-auth";
import { actionErrorKey } from "@/app/_lib/domain-errors";
import { fieldErrorsFrom, formValues, type FormState } from "@/app/_lib/form-state";

/** The new-account form's state: field errors, plus the password policy's own messages (Ory ids). */
export type NewAccountState = FormState & { passwordMessages?: UiText[] };

const invitePath = (token: string) => `/console/invite/${encodeURIComponent(token)}`;
const newAccountSchema = z.object({
  name: z.string().trim().max(200, "tooLong"),
  password: z.string().min(1, "required").max(4096, "tooLong"),
});

/** The signed-in console user accepts (lib checks the email matches), then lands in the workspace. */
export async function acceptInvitationAction(token: string, _previous: FormState): Promise<FormState> {
  const user = await currentConsoleUser();
  if (!user) redirect(invitePath(token));
  let workspaceId: string;
  try {
    workspaceId = (await acceptInvitation(user, token, await requestMeta())).workspaceId;
  } catch (error) {
    return { formError: actionErrorKey(error), submittedAt: Date.now() };
  }
  redirect(`/console/workspaces/${workspaceId}`);
}

/** No account yet: choose a password, get the account and the membership, and be signed in (as after setup). */
export async function acceptWithNewAccountAction(token: string, _previous: NewAccountState, form: FormData): Promise<NewAccountState> {
  const values = formValues(form, ["name"]);
  const parsed = newAccountSchema.safeParse({ ...values, password: form.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values, submittedAt: Date.now() };
  const meta = await requestMeta();
  let accepted: Awaited<ReturnType<typeof acceptInvitationWithNewAccount>>;
  try {
    accepted = await acceptInvitationWithNewAccount(token, parsed.data, meta);
  } catch (error) {
    if (error instanceof PasswordPolicyError) {
      return { fieldErrors: { password: "passwordRejected" }, passwordMessages: error.messages, values, submittedAt: Date.now() };
    }
    // The page shows why a link stopped working (used, revoked, expired) or that an account exists now.
    if (error instanceof AppError && (error.code === "gone" || error.code === "not_found" || error.id === "account_exists")) redirect(invitePath(token));
    return { formError: actionErrorKey(error), values, submittedAt: Date.now() };
  }
  const session = await createConsoleSession(accepted.user, meta);
  await setConsoleSessionCookie(session.token, session.expiresAt);
  redirect(`/console/workspaces/${accepted.workspaceId}`);
}

/** Signed in as someone else: sign out of the console (and its platform session), then back to the invitation. */
export async function signOutForInvitationAction(token: string): Promise<void> {
  await endConsoleSignIn();
  redirect(invitePath(token));
}
