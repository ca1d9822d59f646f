"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/core/errors";
import { hostedContext, pageRequest } from "@/lib/selfservice";
import { acceptUserCode, oauth2PageContext } from "@/lib/oauth2/identity";

/** The device page's submission: checks the user code, then continues with sign-in and consent. */
export async function submitUserCode(form: FormData): Promise<void> {
  const slug = String(form.get("project") ?? "");
  const challenge = String(form.get("device_challenge") ?? "");
  const code = String(form.get("user_code") ?? "").slice(0, 64);
  const list = await headers();
  const ctx = await hostedContext(slug, pageRequest(`/p/${slug}/ui/device`, list));
  if (!ctx) redirect(`/p/${slug}/ui/error`);
  let target: string;
  try {
    target = (await acceptUserCode(oauth2PageContext(ctx), challenge, code, ctx.request.ip)).redirect_to;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = error.status === 404 ? "code" : error.status === 429 ? "rate" : "challenge";
    target = `/p/${slug}/ui/device?device_challenge=${encodeURIComponent(challenge)}&error=${reason}`;
  }
  redirect(target);
}
