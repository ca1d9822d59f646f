import { useTranslations } from "next-intl";
import type { Branding } from "@/lib/branding";
import { LanguageMenu } from "./LanguageMenu";
import { ProjectLogo } from "./ProjectLogo";

export interface HostedCardProps {
  branding: Branding;
  projectName: string;
  title: string;
  subtitle?: string;
  /** Current path and query, for the language links. */
  pathname: string;
  query: URLSearchParams;
  children: React.ReactNode;
  /** Links under the form (sign in ↔ sign up ↔ recovery). */
  footer?: React.ReactNode;
  /** Wider card (settings). */
  wide?: boolean;
}

/** The centred card every hosted page shows: logo, project name, title, content, links, language. */
export function HostedCard({ branding, projectName, title, subtitle, pathname, query, children, footer, wide }: HostedCardProps) {
  const t = useTranslations("hosted");
  const name = branding.display_name || projectName;
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-8 sm:justify-center sm:py-12">
      <main id="main" className={`w-full ${wide ? "max-w-lg" : "max-w-sm"}`}>
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <ProjectLogo branding={branding} name={name} alt={t("logoAlt", { name })} />
          <p className="text-sm font-medium text-(--pc-muted)">{name}</p>
        </div>
        <div className="rounded-[calc(var(--pc-radius)*1.5)] border border-(--pc-border) bg-(--pc-surface) px-5 py-6 shadow-sm sm:px-8 sm:py-8">
          <header className="mb-6 space-y-1 text-center">
            <h1 className="text-xl font-semibold tracking-tight text-(--pc-text) [hyphens:auto] [overflow-wrap:anywhere] sm:text-2xl">{title}</h1>
            {subtitle ? <p className="text-sm text-(--pc-muted)">{subtitle}</p> : null}
          </header>
          {children}
        </div>
        {footer ? <div className="mt-6 space-y-2 text-center text-sm text-(--pc-muted)">{footer}</div> : null}
      </main>
      <footer className="mt-8 flex flex-col items-center gap-2 text-xs text-(--pc-muted)">
        <LanguageMenu pathname={pathname} query={query} />
        {branding.footer === "none" ? null : <p>{branding.footer === "custom" && branding.footer_text ? branding.footer_text : t("securedBy")}</p>}
      </footer>
    </div>
  );
}
