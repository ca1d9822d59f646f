import Link from "next/link";
import type { ReactNode } from "react";

export interface Crumb {
  href?: string;
  label: string;
}

/** Page title with breadcrumbs and actions. Every console page has exactly one h1, rendered here. */
export function PageHeader({ title, description, crumbs, crumbTrail, actions, badges, breadcrumbLabel }: {
  title: ReactNode;
  /** Rendered after the crumbs, inside the list (a client-side crumb such as the current section). */
  crumbTrail?: ReactNode;
  description?: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  badges?: ReactNode;
  breadcrumbLabel?: string;
}) {
  return (
    <div className="mb-6 space-y-2">
      {crumbs && crumbs.length > 0 ? (
        <nav aria-label={breadcrumbLabel ?? "Breadcrumb"}>
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
            {crumbs.map((crumb, index) => (
              <li key={`${crumb.label}-${index}`} className="flex items-center gap-1">
                {index > 0 ? <span aria-hidden="true" className="text-slate-400">/</span> : null}
                {crumb.href ? (
                  <Link href={crumb.href} className="rounded hover:text-slate-900 hover:underline dark:hover:text-white">
                    {crumb.label}
                  </Link>
                ) : (
                  <span aria-current="page">{crumb.label}</span>
                )}
              </li>
            ))}
            {crumbTrail}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{title}</h1>
          {badges}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
      {description ? <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
    </div>
  );
}
