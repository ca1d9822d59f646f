"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isStorableText } from "@/lib/core/storable-text";
import { hostedContext, pageRequest } from "@/lib/selfservice";
import { decideConsent, oauth2PageContext } from "@/lib/oauth2/identity";

/** The consent form's submission: allow (with the ticked scopes, remembered or not) or deny. */
export async function submitConsent(form: FormData): Promise<void> {
  const slug = String(form.get("project") ?? "");
  const challenge = String(form.get("consent_challenge") ?? "");
  const list = await headers();
  const ctx = await hostedContext(slug, pageRequest(`/p/${slug}/ui/consent`, list));
  if (!ctx || !challenge || !isStorableText(challenge)) redirect(`/p/${slug}/ui/error`);
  const { redirect_to } = await decideConsent(oauth2PageContext(ctx), challenge, {
    accept: form.get("decision") === "allow",
    remember: form.get("remember") === "on",
    grantScope: form.getAll("scope").map(String),
  });
  redirect(redirect_to);
}
