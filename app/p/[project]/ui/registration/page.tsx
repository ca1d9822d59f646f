import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FlowForm } from "@/components/flow/FlowForm";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowLinks } from "@/lib/selfservice";
import { FlowFooter } from "../_lib/flow-footer";
import { loadFlowPage } from "../_lib/flow-page";
import type { SearchParams } from "../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosted"))("title.registration"), robots: { index: false } };
}

/** The registration flow's nodes in the project's theme. */
export default async function RegistrationPage({ params, searchParams }: Props) {
  const page = await loadFlowPage("registration", (await params).project, await searchParams);
  const t = await getTranslations("hosted");
  return (
    <HostedCard
      branding={page.branding}
      projectName={page.projectName}
      pathname={page.pathname}
      query={page.query}
      title={t("title.registration")}
      footer={<FlowFooter page="registration" links={flowLinks(page.slug, page.ctx.project.config, page.flow.return_to, page.flow.oauth2_login_challenge)} />}
    >
      <FlowForm ui={page.flow.ui} flow="registration" />
    </HostedCard>
  );
}
