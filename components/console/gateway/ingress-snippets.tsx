import { getTranslations } from "next-intl/server";
import { CopyField } from "@/components/console/copy-field";
import { CopyButton } from "@/components/ui/copy-button";
import type { IngressSnippet } from "@/lib/gateway";

/** How to put the project's gateway in front of an app: the two URLs, and a copyable config per ingress. */
export async function IngressSnippets({ projectBaseUrl, snippets }: { projectBaseUrl: string; snippets: IngressSnippet[] }) {
  const t = await getTranslations("gateway.connect");
  return (
    <div className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1.5">
          <p className="text-sm font-medium">{t("decisionUrl")}</p>
          <CopyField value={`${projectBaseUrl}/decisions`} copyLabel={t("copyDecisionUrl")} testId="gateway-decision-url" />
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("decisionHint")}</p>
        </div>
        <div className="space-y-1.5">
          <p className="text-sm font-medium">{t("proxyUrl")}</p>
          <CopyField value={`${projectBaseUrl}/gateway/`} copyLabel={t("copyProxyUrl")} testId="gateway-proxy-url" />
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("proxyHint")}</p>
        </div>
      </div>
      <div className="space-y-2" data-testid="ingress-snippets">
        {snippets.map((snippet) => (
          <details key={snippet.id} className="rounded-md border border-slate-200 dark:border-slate-800">
            <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium">{snippet.title}</summary>
            <div className="space-y-2 border-t border-slate-200 p-4 dark:border-slate-800">
              <pre className="overflow-x-auto rounded-md bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100" tabIndex={0} aria-label={snippet.title}>
                {snippet.code}
              </pre>
              <CopyButton value={snippet.code} label={t("copySnippet", { ingress: snippet.title })} />
            </div>
          </details>
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("trustedProxies")}</p>
    </div>
  );
}
