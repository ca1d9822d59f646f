import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FlowForm } from "@/components/flow/FlowForm";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { hostedPagePath, selfServiceBrowserPath } from "@/lib/selfservice/ui";
import { isPrivileged, sessionFromRequest } from "@/lib/sessions";
import { loadFlowPage } from "../_lib/flow-page";
import type { SearchParams } from "../_lib/page-context";
import { ReauthNotice } from "../_lib/reauth-notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosted"))("title.settings"), robots: { index: false } };
}

/** Account settings: one form per method (profile, password, …), each saved on its own. */
export default async function SettingsPage({ params, searchParams }: Props) {
  const page = await loadFlowPage("settings", (await params).project, await searchParams);
  const t = await getTranslations("hosted");
  const found = await sessionFromRequest(page.ctx);
  const privileged = found ? isPrivileged(found.session, page.ctx.project, page.ctx.now) : false;
  const here = new URL(hostedPagePath(page.slug, "settings", { flow: page.flow.id }), page.ctx.request.url).toString();
  const reauth = selfServiceBrowserPath(page.slug, "login", { refresh: "true", return_to: here });
  const identity = "identity" in page.flow ? (page.flow.identity as { traits?: Record<string, unknown> } | undefined) : undefined;
  const email = typeof identity?.traits?.email === "string" ? identity.traits.email : undefined;

  return (
    <HostedCard
      branding={page.branding}
      projectName={page.projectName}
      pathname={page.pathname}
      query={page.query}
      wide
      title={t("title.settings")}
      subtitle={email ? t("settings.signedInAs", { identifier: email }) : t("subtitle.settings")}
      footer={
        <p>
          <a href={hostedPagePath(page.slug, "welcome")} className={flowStyles.link}>
            {t("links.backToApp")}
          </a>
        </p>
      }
    >
      <FlowForm ui={page.flow.ui} flow="settings" layout="per-group" sectionNotice={privileged ? undefined : { password: <ReauthNotice href={reauth} /> }} />
    </HostedCard>
  );
}
