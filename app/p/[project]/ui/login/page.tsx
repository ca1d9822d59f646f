import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientLogo } from "@/components/flow/ClientLogo";
import { FlowForm } from "@/components/flow/FlowForm";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowLinks } from "@/lib/selfservice";
import { isAccountChooser, oauth2Client } from "@/lib/selfservice";
import { FlowFooter } from "../_lib/flow-footer";
import { loadFlowPage } from "../_lib/flow-page";
import type { SearchParams } from "../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosted"))("title.login"), robots: { index: false } };
}

/**
 * Sign in (`refresh=true`: confirm it's you), rendered from the login flow's nodes — also the OAuth2 account chooser
 * (prompt=select_account), whose nodes are the accounts to continue with.
 */
export default async function LoginPage({ params, searchParams }: Props) {
  const page = await loadFlowPage("login", (await params).project, await searchParams);
  const t = await getTranslations("hosted");
  const refresh = "refresh" in page.flow && page.flow.refresh;
  const chooser = isAccountChooser(page.flow);
  const client = oauth2Client(page.flow);
  const title = chooser ? t("title.selectAccount") : refresh ? t("title.refresh") : t("title.login");
  return (
    <HostedCard
      branding={page.branding}
      projectName={page.projectName}
      pathname={page.pathname}
      query={page.query}
      title={title}
      subtitle={refresh ? undefined : t("subtitle.login", { name: client?.name ?? page.projectName })}
      footer={chooser ? undefined : <FlowFooter page="login" refresh={refresh} links={flowLinks(page.slug, page.ctx.project.config, page.flow.return_to, page.flow.oauth2_login_challenge)} />}
    >
      {chooser && client?.logoUri ? <ClientLogo src={client.logoUri} alt={t("logoAlt", { name: client.name })} /> : null}
      <FlowForm ui={page.flow.ui} flow="login" />
    </HostedCard>
  );
}
