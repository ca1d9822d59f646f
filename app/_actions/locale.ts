"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { hasControlCharacter } from "@/lib/console/return-to";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/locales";

const schema = z.object({
  locale: z.enum(locales),
  return_to: z.string().max(2048).optional(),
});

/**
 * Only same-origin paths (no scheme, no host) are followed after switching the language; a `ui_locales`
 * parameter is dropped, since it would override the choice just made.
 */
function samePath(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\") || hasControlCharacter(value)) return "/";
  const url = new URL(value, "http://portcullis.invalid");
  if (url.origin !== "http://portcullis.invalid") return "/";
  url.searchParams.delete("ui_locales");
  return url.pathname + url.search;
}

/** The language switcher: remembers the choice in the `pc_locale` cookie (a year), then reloads the page. */
export async function setLocaleAction(form: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: form.get("locale"), return_to: form.get("return_to") ?? undefined });
  if (parsed.success) {
    (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  }
  redirect(samePath(parsed.success ? parsed.data.return_to : undefined));
}
