import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portcullis", template: "%s · Portcullis" },
  description: "Self-hostable identity and access platform",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {/* No next-intl client provider here: the console's areas add one with its catalogue (app/console,
            app/setup, app/(console-auth)); the hosted pages render every string on the server and ship none. */}
        {children}
      </body>
    </html>
  );
}
