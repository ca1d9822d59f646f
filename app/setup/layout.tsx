import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";

/** The console catalogue for this area's client components (messages omitted = all of them); see app/layout.tsx. */
export default function Layout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
