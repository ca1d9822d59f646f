"use client";

import { useTranslations } from "next-intl";
import { FlowForm } from "@/components/flow/FlowForm";
import { ProjectLogo } from "@/components/flow/ProjectLogo";
import type { ColorScheme } from "@/lib/branding/css";
import { themeVariables } from "@/lib/branding/css";
import type { Branding } from "@/lib/branding/schema";
import { sampleLoginUi } from "@/lib/selfservice/ui";

/**
 * The hosted login page in miniature, rendered by the real FlowForm under the edited theme (CSS custom
 * properties inline). Inert: it is a picture of the page, not a second form.
 */
export function BrandingPreview({ branding, scheme, projectName }: { branding: Branding; scheme: ColorScheme; projectName: string }) {
  const t = useTranslations("hosted");
  const name = branding.display_name || projectName;
  const style = themeVariables(branding, scheme) as React.CSSProperties;
  return (
    <div
      data-pc-theme=""
      style={style}
      inert
      data-testid={`branding-preview-${scheme}`}
      className="rounded-lg bg-(--pc-bg) px-4 py-6 text-(--pc-text) [font-family:var(--pc-font)]"
    >
      <div className="mx-auto max-w-sm">
        <div className="mb-4 flex flex-col items-center gap-2 text-center">
          <ProjectLogo branding={{ ...branding, mode: scheme }} name={name} alt={t("logoAlt", { name })} />
          <p className="text-sm font-medium text-(--pc-muted)">{name}</p>
        </div>
        <div className="rounded-[calc(var(--pc-radius)*1.5)] border border-(--pc-border) bg-(--pc-surface) px-5 py-6 shadow-sm">
          <p className="mb-5 text-center text-xl font-semibold">{t("title.login")}</p>
          <FlowForm ui={sampleLoginUi({ withError: true })} flow="login" idPrefix={`preview-${scheme}`} />
        </div>
        <p className="mt-4 text-center text-sm text-(--pc-muted)">
          {t("links.noAccount")} <span className="font-medium text-(--pc-primary)">{t("links.signUp")}</span>
        </p>
      </div>
    </div>
  );
}
