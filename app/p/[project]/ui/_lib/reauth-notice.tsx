import { useTranslations } from "next-intl";
import { flowStyles } from "@/components/flow/styles";

/** Shown in the password section when the session is too old for sensitive changes (privileged_session_max_age). */
export function ReauthNotice({ href }: { href: string }) {
  const t = useTranslations("hosted.settings");
  return (
    <div className="mb-4 space-y-2 rounded-(--pc-radius) border-l-4 border-(--pc-info) bg-(--pc-info-bg) px-3 py-2.5 text-sm" data-testid="reauth-notice">
      <p className="font-medium">{t("reauthTitle")}</p>
      <p>{t("reauthNotice")}</p>
      <a href={href} className={flowStyles.link}>
        {t("reauthAction")}
      </a>
    </div>
  );
}
