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
  return { title: (await getTranslations("hosted"))("title.verification"), robots: { index: false } };
}

/** The verification flow's nodes in the project's theme. */
export default async function VerificationPage({ params, searchParams }: Props) {
  const page = await loadFlowPage("verification", (await params).project, await searchParams);
  const t = await getTranslations("hosted");
  return (
    <HostedCard
      branding={page.branding}
      projectName={page.projectName}
      pathname={page.pathname}
      query={page.query}
      title={page.flow.state === "passed_challenge" ? t("title.verified") : t("title.verification")}
      subtitle={page.flow.state === "sent_email" ? t("subtitle.verification") : undefined}
      footer={<FlowFooter page="verification" links={flowLinks(page.slug, page.ctx.project.config, page.flow.return_to)} />}
    >
      <FlowForm ui={page.flow.ui} flow="verification" />
    </HostedCard>
  );
}
