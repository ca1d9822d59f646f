import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const tabs = [
  { segment: "", key: "clients" },
  { segment: "keys", key: "keys" },
  { segment: "consent", key: "consent" },
  { segment: "settings", key: "settings" },
] as const;

/** Sub-navigation of the OAuth2 area: clients, signing keys, consent sessions, settings. */
export async function OAuth2Tabs({ projectId, current }: { projectId: string; current: (typeof tabs)[number]["segment"] }) {
  const t = await getTranslations("oauth2Console.tabs");
  const base = `/console/projects/${encodeURIComponent(projectId)}/oauth2`;
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => {
          const active = tab.segment === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.segment ? `${base}/${tab.segment}` : base}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block whitespace-nowrap border-b-2 px-1 pb-2.5 text-sm font-medium",
                  active
                    ? "border-brand-600 text-brand-700 dark:border-brand-500 dark:text-brand-100"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white",
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
