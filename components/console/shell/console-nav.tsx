"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Icon, type IconName } from "../icons";
import { projectNav, projectNavHref } from "../project-nav";

const PROJECT_PATH = /^\/console\/projects\/([^/]+)/;

function NavLink({ href, icon, label, active }: { href: string; icon: IconName; label: string; active: boolean }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
        active
          ? "bg-brand-50 text-brand-700 dark:bg-brand-900/60 dark:text-brand-50"
          : "text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white",
      )}
    >
      <Icon name={icon} className="h-5 w-5 shrink-0" />
      <span className="truncate">{label}</span>
    </Link>
  );
}

/** Global links, plus the project section (from project-nav.ts) while a project is open. */
export function ConsoleNav({ label }: { label: string }) {
  const t = useTranslations();
  const pathname = usePathname();
  const projectId = PROJECT_PATH.exec(pathname)?.[1];
  const inWorkspaces = pathname === "/console" || pathname.startsWith("/console/workspaces");

  return (
    <nav aria-label={label} className="space-y-6">
      <ul className="space-y-1">
        <li>
          <NavLink href="/console" icon="building" label={t("console.nav.workspaces")} active={inWorkspaces} />
        </li>
      </ul>
      {projectId ? (
        <div>
          <h2 className="px-3 pb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("console.nav.project")}</h2>
          <ul className="space-y-1">
            {projectNav.map((item) => {
              const href = projectNavHref(decodeURIComponent(projectId), item.segment);
              const active = item.segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === href;
              return (
                <li key={item.segment || "overview"}>
                  <NavLink href={href} icon={item.icon} label={t(item.labelKey)} active={active} />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
