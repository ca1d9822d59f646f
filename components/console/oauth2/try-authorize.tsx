"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, Select } from "@/components/ui/input";
import { buildAuthorizationRequest, type AuthorizationRequest } from "@/lib/oauth2-console/authorization-url";
import { Icon } from "../icons";

/**
 * Builds an authorization request for one of the client's redirect URIs, in the browser (PKCE S256, state,
 * nonce): the verifier is shown here so the operator can redeem the code, and never reaches the server.
 */
export function TryAuthorize({ issuer, clientId, redirectUris, scope }: { issuer: string; clientId: string; redirectUris: string[]; scope: string }) {
  const t = useTranslations("oauth2Console.try");
  const [request, setRequest] = useState<AuthorizationRequest | undefined>();
  const [redirectUri, setRedirectUri] = useState(redirectUris[0] ?? "");
  const [requestedScope, setRequestedScope] = useState(scope);

  async function build() {
    setRequest(await buildAuthorizationRequest({ issuer, clientId, redirectUri, scope: requestedScope.trim() }));
  }

  if (!redirectUris.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noRedirects")}</p>;

  return (
    <div className="space-y-4" data-testid="try-authorize">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="try-redirect" className="block text-sm font-medium">{t("redirectUri")}</label>
          <Select id="try-redirect" value={redirectUri} onChange={(event) => { setRedirectUri(event.target.value); setRequest(undefined); }}>
            {redirectUris.map((uri) => <option key={uri} value={uri}>{uri}</option>)}
          </Select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="try-scope" className="block text-sm font-medium">{t("scope")}</label>
          <Input id="try-scope" value={requestedScope} onChange={(event) => { setRequestedScope(event.target.value); setRequest(undefined); }} className="font-mono" />
        </div>
      </div>
      <Button variant="secondary" onClick={build}>{request ? t("rebuild") : t("build")}</Button>
      {request ? (
        <div className="space-y-3" role="status">
          <div className="space-y-1.5">
            <p className="text-sm font-medium" id="try-url-label">{t("url")}</p>
            <code data-testid="authorization-url" className="block max-h-40 overflow-auto break-all rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-950">
              {request.url}
            </code>
          </div>
          <div className="flex flex-wrap gap-2">
            <a href={request.url} target="_blank" rel="noopener noreferrer" className="inline-flex h-8 items-center gap-2 rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500">
              <Icon name="external" className="h-4 w-4" />
              {t("open")}
              <span className="sr-only">{t("newTab")}</span>
            </a>
            <CopyButton value={request.url} label={t("copyUrl")} />
          </div>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600 dark:text-slate-400">state</dt>
            <dd><code className="break-all font-mono">{request.state}</code></dd>
            <dt className="font-medium text-slate-600 dark:text-slate-400">nonce</dt>
            <dd><code className="break-all font-mono">{request.nonce}</code></dd>
            <dt className="font-medium text-slate-600 dark:text-slate-400">code_verifier</dt>
            <dd><code className="break-all font-mono" data-testid="code-verifier">{request.codeVerifier}</code></dd>
          </dl>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("verifierHint")}</p>
        </div>
      ) : null}
    </div>
  );
}
