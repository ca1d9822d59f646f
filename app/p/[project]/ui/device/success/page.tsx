import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HostedCard } from "@/components/flow/HostedCard";
import { loadHostedPage, type SearchParams } from "../../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2"))("device.doneTitle"), robots: { index: false } };
}

/** Shown after the user approved a device: it can continue on its own now. */
export default async function DeviceSuccessPage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "device/success", await searchParams);
  const t = await getTranslations("oauth2");
  return (
    <HostedCard branding={page.branding} projectName={page.projectName} pathname={page.pathname} query={page.query} title={t("device.doneTitle")}>
      <p className="text-center text-sm text-(--pc-muted)">{t("device.done")}</p>
    </HostedCard>
  );
}
