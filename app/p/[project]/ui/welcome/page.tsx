import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { hostedPagePath } from "@/lib/selfservice/ui";
import { welcomeView } from "@/lib/selfservice";
import { loadHostedPage, type SearchParams } from "../_lib/page-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosted"))("title.welcome"), robots: { index: false } };
}

/** The signed-in landing page: who is signed in, how, until when; sign out and account links. */
export default async function WelcomePage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "welcome", await searchParams);
  const [t, format] = await Promise.all([getTranslations("hosted"), getFormatter()]);
  const view = await welcomeView(page.ctx, page.basePath, hostedPagePath(page.slug, "login"));
  const card = { branding: page.branding, projectName: page.projectName, pathname: page.pathname, query: page.query };

  if (!view) {
    return (
      <HostedCard {...card} title={t("title.welcome")} subtitle={t("welcome.notSignedIn")}>
        <a href={hostedPagePath(page.slug, "login")} className={flowStyles.primaryButton}>
          {t("links.signIn")}
        </a>
      </HostedCard>
    );
  }

  const unverified = view.addresses.some((address) => !address.verified);
  const rows: Array<[string, React.ReactNode]> = [
    [t("welcome.authenticatedAt"), <time key="a" dateTime={view.authenticatedAt.toISOString()}>{format.dateTime(view.authenticatedAt, { dateStyle: "medium", timeStyle: "short" })}</time>],
    [t("welcome.expiresAt"), <time key="e" dateTime={view.expiresAt.toISOString()}>{format.dateTime(view.expiresAt, { dateStyle: "medium", timeStyle: "short" })}</time>],
    [t("welcome.methods"), view.methods.join(", ") || "—"],
    [t("welcome.assurance"), view.aal.toUpperCase()],
  ];

  return (
    <HostedCard {...card} title={t("title.welcome")}>
      <div className="space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-sm text-(--pc-muted)">{t("welcome.signedInAs")}</p>
          <p className="text-lg font-semibold [overflow-wrap:anywhere]" data-testid="welcome-identity">
            {view.displayName}
          </p>
          {view.addresses.map((address) => (
            <p key={address.value} className="text-xs">
              <span className={address.verified ? "text-(--pc-success)" : "text-(--pc-muted)"}>
                {address.verified ? t("welcome.verified") : t("welcome.unverified")}
              </span>
            </p>
          ))}
        </div>
        <dl className="divide-y divide-(--pc-border) rounded-(--pc-radius) border border-(--pc-border) text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 px-3 py-2">
              <dt className="text-(--pc-muted)">{label}</dt>
              <dd className="text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="space-y-3">
          {unverified ? (
            <a href={hostedPagePath(page.slug, "verification")} className={flowStyles.secondaryButton}>
              {t("welcome.verify")}
            </a>
          ) : null}
          <a href={hostedPagePath(page.slug, "settings")} className={flowStyles.secondaryButton}>
            {t("welcome.settings")}
          </a>
          <a href={view.logoutUrl} className={flowStyles.primaryButton} data-testid="sign-out">
            {t("welcome.signOut")}
          </a>
        </div>
      </div>
    </HostedCard>
  );
}
