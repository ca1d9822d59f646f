"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Icon } from "../icons";

/**
 * On small screens the sidebar becomes a disclosure at the top (a native <details>, so it works without
 * scripts and with the keyboard); it closes after navigating.
 */
export function MobileMenu({ label, children }: { label: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // Closes on navigation only: a menu opened before hydration (a slow load) stays open when the effect first runs.
  const openedOn = useRef(pathname);
  useEffect(() => {
    if (openedOn.current === pathname) return;
    openedOn.current = pathname;
    if (details.current) details.current.open = false;
  }, [pathname]);

  return (
    <details ref={details} className="group">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium dark:border-slate-600 [&::-webkit-details-marker]:hidden">
        <Icon name="menu" className="h-4 w-4" />
        {label}
      </summary>
      <div className="absolute inset-x-0 top-full z-40 border-b border-slate-200 bg-white px-4 pb-4 pt-3 shadow-lg dark:border-slate-800 dark:bg-slate-900">
        {children}
      </div>
    </details>
  );
}
