"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isStorableText } from "@/lib/core/storable-text";
import { hostedPagePath } from "@/lib/selfservice/ui";
import { hostedContext, pageRequest } from "@/lib/selfservice";
import { decideLogout, oauth2PageContext } from "@/lib/oauth2/identity";

/** The logout confirmation's answer: sign out (on to the provider, then the app) or stay signed in. */
export async function submitLogout(form: FormData): Promise<void> {
  const slug = String(form.get("project") ?? "");
  const challenge = String(form.get("logout_challenge") ?? "");
  const list = await headers();
  const ctx = await hostedContext(slug, pageRequest(`/p/${slug}/ui/logout`, list));
  if (!ctx || !challenge || !isStorableText(challenge)) redirect(hostedPagePath(slug, "error"));
  const { redirect_to } = await decideLogout(oauth2PageContext(ctx), challenge, form.get("decision") === "logout");
  redirect(redirect_to ?? hostedPagePath(slug, "welcome"));
}
