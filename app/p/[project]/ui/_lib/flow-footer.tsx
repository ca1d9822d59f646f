import { useTranslations } from "next-intl";
import { flowStyles } from "@/components/flow/styles";
import type { FlowLinks } from "@/lib/selfservice";

type Page = "login" | "registration" | "recovery" | "verification" | "settings";

/** The links under a hosted form: sign in ↔ sign up ↔ recover your account. */
export function FlowFooter({ page, links, refresh }: { page: Page; links: FlowLinks; refresh?: boolean }) {
  const t = useTranslations("hosted.links");
  if (page === "login" && !refresh) {
    return (
      <>
        {links.recovery ? (
          <p>
            <a href={links.recovery} className={flowStyles.link} data-testid="link-recovery">{t("forgotPassword")}</a>
          </p>
        ) : null}
        {links.registration ? (
          <p>
            {t("noAccount")} <a href={links.registration} className={flowStyles.link} data-testid="link-registration">{t("signUp")}</a>
          </p>
        ) : null}
      </>
    );
  }
  if (page === "registration") {
    return (
      <p>
        {t("haveAccount")} <a href={links.login} className={flowStyles.link} data-testid="link-login">{t("signIn")}</a>
      </p>
    );
  }
  if (page === "recovery" || page === "verification") {
    return (
      <p>
        <a href={links.login} className={flowStyles.link} data-testid="link-login">{t("backToSignIn")}</a>
      </p>
    );
  }
  return null;
}
