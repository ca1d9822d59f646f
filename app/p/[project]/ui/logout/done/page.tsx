import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { hostedPagePath } from "@/lib/selfservice/ui";
import { loadHostedPage, type SearchParams } from "../../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2"))("logout.doneTitle"), robots: { index: false } };
}

/** Where a logout without post_logout_redirect_uri ends (Hydra's urls.post_logout_redirect default). */
export default async function LogoutDonePage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "logout/done", await searchParams);
  const t = await getTranslations("oauth2");
  return (
    <HostedCard branding={page.branding} projectName={page.projectName} pathname={page.pathname} query={page.query} title={t("logout.doneTitle")} subtitle={t("logout.done", { project: page.projectName })}>
      <a href={hostedPagePath(page.slug, "login")} className={flowStyles.secondaryButton}>
        {t("logout.signInAgain")}
      </a>
    </HostedCard>
  );
}
