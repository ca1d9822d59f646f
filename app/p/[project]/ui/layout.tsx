import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { themeStylesheet } from "@/lib/branding";
import { hostedBranding } from "@/lib/selfservice";

export const dynamic = "force-dynamic";

/** Hosted page titles name the project (its branding's display name), never the product: "Sign in · Acme". */
export async function generateMetadata({ params }: { params: Promise<{ project: string }> }): Promise<Metadata> {
  const found = await hostedBranding((await params).project);
  return found ? { title: { template: `%s · ${found.name}`, default: found.name } } : {};
}

/**
 * The themed root of a project's hosted pages. The theme is a server-rendered stylesheet of CSS custom
 * properties (lib/branding/css.ts), so the first paint already has the project's colours: no flash, no
 * layout shift. Every value in it went through the branding schema. No next-intl client provider: every string is
 * translated on the server (client components get theirs as props), so no catalogue or ICU runtime is shipped.
 */
export default async function HostedLayout({ children, params }: { children: ReactNode; params: Promise<{ project: string }> }) {
  const { project } = await params;
  const found = await hostedBranding(project);
  if (!found) notFound();
  return (
    <div data-pc-theme="" className="min-h-dvh bg-(--pc-bg) text-(--pc-text) antialiased [font-family:var(--pc-font)]">
      <style dangerouslySetInnerHTML={{ __html: themeStylesheet(found.branding) }} />
      {children}
    </div>
  );
}
