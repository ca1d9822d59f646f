import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FlowForm } from "@/components/flow/FlowForm";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowLinks } from "@/lib/hosted/links";
import { oauth2ClientName } from "@/lib/hosted/oauth2-client";
import { FlowFooter } from "../_lib/flow-footer";
import { loadFlowPage } from "../_lib/flow-page";
import type { SearchParams } from "../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosted"))("title.login"), robots: { index: false } };
}

/** Sign in (`refresh=true`: confirm it's you), rendered from the login flow's nodes. */
export default async function LoginPage({ params, searchParams }: Props) {
  const page = await loadFlowPage("login", (await params).project, await searchParams);
  const t = await getTranslations("hosted");
  const refresh = "refresh" in page.flow && page.flow.refresh;
  return (
    <HostedCard
      branding={page.branding}
      projectName={page.projectName}
      pathname={page.pathname}
      query={page.query}
      title={refresh ? t("title.refresh") : t("title.login")}
      subtitle={refresh ? undefined : t("subtitle.login", { name: oauth2ClientName(page.flow) ?? page.projectName })}
      footer={<FlowFooter page="login" refresh={refresh} links={flowLinks(page.slug, page.ctx.project.config, page.flow.return_to, page.flow.oauth2_login_challenge)} />}
    >
      <FlowForm ui={page.flow.ui} flow="login" />
    </HostedCard>
  );
}
