import { useTranslations } from "next-intl";
import { flowStyles } from "@/components/flow/styles";

/**
 * Shown in a section of privileged changes (password, second factors) when the session is too old for them
 * (privileged_session_max_age); `notice` says what the section needs it for.
 */
export function ReauthNotice({ href, notice }: { href: string; notice?: string }) {
  const t = useTranslations("hosted.settings");
  return (
    <div className="mb-4 space-y-2 rounded-(--pc-radius) border-l-4 border-(--pc-info) bg-(--pc-info-bg) px-3 py-2.5 text-sm" data-testid="reauth-notice">
      <p className="font-medium">{t("reauthTitle")}</p>
      <p>{notice ?? t("reauthNotice")}</p>
      <a href={href} className={flowStyles.link}>
        {t("reauthAction")}
      </a>
    </div>
  );
}
