"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { projectNav, projectNavHref } from "../project-nav";

/**
 * The breadcrumb after the project: the section this page belongs to (Identities, OAuth2, …), a link when the
 * page is deeper than the section itself. Layouts do not know the path, so this reads it on the client.
 */
export function SectionCrumb({ projectId }: { projectId: string }) {
  const t = useTranslations();
  const pathname = usePathname();
  const rest = pathname.split("/").slice(4);
  const item = projectNav.find((entry) => entry.segment && entry.segment === rest[0]);
  if (!item) return null;
  const deeper = rest.length > 1 && rest[1] !== "";
  return (
    <li className="flex items-center gap-1">
      <span aria-hidden="true" className="text-slate-400">/</span>
      {deeper ? (
        <Link href={projectNavHref(projectId, item.segment)} className="rounded hover:text-slate-900 hover:underline dark:hover:text-white">
          {t(item.labelKey)}
        </Link>
      ) : (
        <span aria-current="page">{t(item.labelKey)}</span>
      )}
    </li>
  );
}
