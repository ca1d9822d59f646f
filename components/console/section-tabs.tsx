import Link from "next/link";
import { cn } from "@/components/ui/cn";

export interface SectionTab {
  /** Path below the section's base URL; "" is the section's first page. */
  segment: string;
  label: string;
}

/** Sub-navigation of a console section (identities, OAuth2, …): a row of tabs, the current page marked. */
export function SectionTabs({ label, base, tabs, current }: { label: string; base: string; tabs: SectionTab[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => {
          const active = tab.segment === current;
          return (
            <li key={tab.segment}>
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
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
