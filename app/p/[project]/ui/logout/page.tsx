import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { loadLogoutRequest, oauth2PageContext } from "@/lib/oauth2/identity";
import { loadHostedPage, type SearchParams } from "../_lib/page-context";
import { submitLogout } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2"))("logout.title"), robots: { index: false } };
}

/** OIDC RP-Initiated Logout 1.0 §3: the provider asks before it signs the person out of every app. */
export default async function LogoutPage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "logout", await searchParams);
  const t = await getTranslations("oauth2");
  const challenge = page.query.get("logout_challenge") ?? "";
  const request = challenge ? await loadLogoutRequest(oauth2PageContext(page.ctx), challenge).catch(() => undefined) : undefined;
  const client = request?.client ? String(request.client.client_name || request.client.client_id) : undefined;
  const subtitle = request ? (client ? t("logout.subtitle", { client, project: page.projectName }) : t("logout.subtitleNoClient", { project: page.projectName })) : undefined;
  return (
    <HostedCard branding={page.branding} projectName={page.projectName} pathname={page.pathname} query={page.query} title={t("logout.title")} subtitle={subtitle}>
      {request ? (
        <form action={submitLogout} className="space-y-3">
          <input type="hidden" name="project" value={page.slug} />
          <input type="hidden" name="logout_challenge" value={challenge} />
          <button type="submit" name="decision" value="logout" className={flowStyles.primaryButton} data-testid="logout-confirm">
            {t("logout.confirm")}
          </button>
          <button type="submit" name="decision" value="stay" className={flowStyles.secondaryButton}>
            {t("logout.cancel")}
          </button>
        </form>
      ) : (
        <p role="alert" className={flowStyles.fieldError}>{t("logout.invalid")}</p>
      )}
    </HostedCard>
  );
}
