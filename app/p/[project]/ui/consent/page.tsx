import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { decideConsent, loadConsentRequest, oauth2PageContext } from "@/lib/oauth2/identity";
import { loadHostedPage, type SearchParams } from "../_lib/page-context";
import { submitConsent } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2"))("consent.title"), robots: { index: false } };
}

const KNOWN_SCOPES = ["openid", "offline_access", "offline", "profile", "email", "address", "phone"];

/** Hosted consent: which app wants what, in plain language; remembered and first-party consents skip it. */
export default async function ConsentPage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "consent", await searchParams);
  const t = await getTranslations("oauth2");
  const challenge = page.query.get("consent_challenge") ?? "";
  const ctx = oauth2PageContext(page.ctx);
  const request = challenge ? await loadConsentRequest(ctx, challenge).catch(() => undefined) : undefined;
  const card = (body: React.ReactNode, subtitle?: string) => (
    <HostedCard branding={page.branding} projectName={page.projectName} pathname={page.pathname} query={page.query} title={t("consent.title")} subtitle={subtitle}>
      {body}
    </HostedCard>
  );
  if (!request) return card(<p role="alert" className={flowStyles.fieldError}>{t("consent.invalid")}</p>);
  if (request.skip || request.client.skip_consent) {
    const { redirect_to } = await decideConsent(ctx, challenge, { accept: true, remember: true, grantScope: request.requested_scope });
    redirect(redirect_to);
  }
  const client = String(request.client.client_name || request.client.client_id);
  return card(
    <form action={submitConsent} className="space-y-5">
      <input type="hidden" name="project" value={page.slug} />
      <input type="hidden" name="consent_challenge" value={challenge} />
      <fieldset className="space-y-3">
        <legend className="mb-3 text-sm font-medium text-(--pc-text)">{t("consent.wants", { client })}</legend>
        {request.requested_scope.map((scope) => (
          <label key={scope} className="flex items-start gap-3 text-sm text-(--pc-text)">
            {/* openid is the sign-in itself: always granted (decideConsent adds it back). */}
            <input type="checkbox" name="scope" value={scope} defaultChecked disabled={scope === "openid"} className={flowStyles.checkbox} />
            <span>{KNOWN_SCOPES.includes(scope) ? t(`scopes.${scope}`) : t("scopes.other", { scope })}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex items-start gap-3 border-t border-(--pc-border) pt-4 text-sm text-(--pc-muted)">
        <input type="checkbox" name="remember" defaultChecked className={flowStyles.checkbox} />
        {t("consent.remember")}
      </label>
      <div className="flex flex-col gap-3 sm:flex-row-reverse">
        <button type="submit" name="decision" value="allow" className={flowStyles.primaryButton} data-testid="consent-allow">{t("consent.allow")}</button>
        <button type="submit" name="decision" value="deny" className={flowStyles.secondaryButton}>{t("consent.deny")}</button>
      </div>
    </form>,
    t("consent.subtitle", { client }),
  );
}
