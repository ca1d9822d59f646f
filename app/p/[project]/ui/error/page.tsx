import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { AppError } from "@/lib/core/errors";
import { getFlowError } from "@/lib/selfservice";
import { selfServiceBrowserPath } from "@/lib/selfservice/ui";
import { loadHostedPage, type SearchParams } from "../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosted"))("title.error"), robots: { index: false } };
}

interface StoredError {
  code?: number;
  status?: string;
  message?: string;
  reason?: string;
  id?: string;
}

/** `/ui/error?id=`: a self-service error (Ory's flowError), explained in plain words with a way back. */
export default async function ErrorPage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "error", await searchParams);
  const t = await getTranslations("hosted");
  let stored: StoredError | undefined;
  // OAuth2 endpoints send browsers here as Hydra does (`?error=…&error_description=…`); self-service uses `?id=`.
  const oauth2Error = page.query.get("id") ? undefined : page.query.get("error")?.slice(0, 100);
  if (oauth2Error) {
    stored = { code: 400, status: oauth2Error, reason: t("error.oauth2", { description: page.query.get("error_description")?.slice(0, 500) ?? "" }) };
  } else {
    try {
      stored = (await getFlowError(page.ctx, page.query.get("id"))).error as StoredError;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return (
    <HostedCard
      branding={page.branding}
      projectName={page.projectName}
      pathname={page.pathname}
      query={page.query}
      title={t("title.error")}
      subtitle={stored?.code ? t("error.status", { status: stored.code }) : undefined}
    >
      <div className="space-y-5">
        <div role="alert" className="rounded-(--pc-radius) border-l-4 border-(--pc-error) bg-(--pc-error-bg) px-3 py-2.5 text-sm">
          <p className="font-medium">{stored ? (stored.reason ?? stored.message ?? t("error.generic")) : t("error.notFound")}</p>
        </div>
        {oauth2Error ? (
          <p className="text-center text-xs text-(--pc-muted)">
            {t("error.reference")}: <code className="font-mono">{oauth2Error}</code>
          </p>
        ) : null}
        {page.query.get("id") ? (
          <p className="text-center text-xs text-(--pc-muted)">
            {t("error.reference")}: <code className="font-mono">{page.query.get("id")?.slice(0, 36)}</code>
          </p>
        ) : null}
        <a href={selfServiceBrowserPath(page.slug, "login")} className={flowStyles.primaryButton}>
          {t("links.backToSignIn")}
        </a>
      </div>
    </HostedCard>
  );
}
