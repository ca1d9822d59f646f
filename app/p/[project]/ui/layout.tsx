import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { themeStylesheet } from "@/lib/branding";
import { hostedBranding } from "@/lib/selfservice";
import { HOSTED_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/pick";

export const dynamic = "force-dynamic";

/** Hosted page titles name the project (its branding's display name), never the product: "Sign in · Acme". */
export async function generateMetadata({ params }: { params: Promise<{ project: string }> }): Promise<Metadata> {
  const found = await hostedBranding((await params).project);
  return found ? { title: { template: `%s · ${found.name}`, default: found.name } } : {};
}

/**
 * The themed root of a project's hosted pages. The theme is a server-rendered stylesheet of CSS custom
 * properties (lib/branding/css.ts), so the first paint already has the project's colours: no flash, no
 * layout shift. Every value in it went through the branding schema.
 */
export default async function HostedLayout({ children, params }: { children: ReactNode; params: Promise<{ project: string }> }) {
  const { project } = await params;
  const found = await hostedBranding(project);
  if (!found) notFound();
  // Only what components/flow's client components read; everything else is rendered on the server.
  const messages = pickMessages(await getMessages(), HOSTED_CLIENT_NAMESPACES);
  return (
    <div data-pc-theme="" className="min-h-dvh bg-(--pc-bg) text-(--pc-text) antialiased [font-family:var(--pc-font)]">
      <style dangerouslySetInnerHTML={{ __html: themeStylesheet(found.branding) }} />
      <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
    </div>
  );
}
