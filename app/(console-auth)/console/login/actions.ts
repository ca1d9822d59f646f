"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeConsoleReturnTo } from "@/lib/console/return-to";
import { signIn } from "@/lib/console/session";
import { requestMeta, setConsoleSessionCookie } from "@/app/_lib/console-auth";
import { fieldErrorsFrom, type FormState } from "@/app/_lib/form-state";

const loginSchema = z.object({
  email: z.string().trim().min(1, "required").max(320, "tooLong"),
  password: z.string().min(1, "required").max(1024, "tooLong"),
  return_to: z.string().max(2048).optional(),
});

/**
 * Console sign-in. Failures get one generic message whether the email exists or not (no account
 * enumeration); `signIn` spends the same hashing time on unknown emails.
 */
export async function loginAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  const parsed = loginSchema.safeParse({ email, password: form.get("password") ?? "", return_to: form.get("return_to") ?? undefined });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values: { email }, submittedAt: Date.now() };

  const session = await signIn(parsed.data.email, parsed.data.password, await requestMeta());
  if (!session) return { formError: "invalidCredentials", values: { email }, submittedAt: Date.now() };
  await setConsoleSessionCookie(session.token, session.expiresAt);
  redirect(safeConsoleReturnTo(parsed.data.return_to));
}
