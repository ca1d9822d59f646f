import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { CredentialRecord, IdentityRecord } from "@/lib/identity";

/** The types that are second factors (Kratos' aal2 methods). */
export const SECOND_FACTOR_TYPES = ["totp", "lookup_secret", "webauthn"] as const;

/** What a credential row says besides its type: identifiers, or for second factors what they are (never secrets). */
function credentialDetail(credential: CredentialRecord, t: (key: string, values?: Record<string, string | number>) => string): string {
  if (credential.type === "totp") return t("totpApp");
  if (credential.type === "lookup_secret") {
    const codes = (credential.config as { recovery_codes?: { used_at?: string | null }[] } | null)?.recovery_codes ?? [];
    return t("recoveryCodesLeft", { unused: codes.filter((code) => !code.used_at).length, total: codes.length });
  }
  return credential.identifiers.map((i) => i.identifier).join(", ") || "—";
}

/**
 * Addresses (verified or not, recovery) and credential types with their identifiers. No secrets shown. `removeSecondFactor`
 * (a confirm button) appears when the identity has a second factor.
 */
export async function IdentityCredentials({ identity, removeSecondFactor }: { identity: IdentityRecord; removeSecondFactor?: ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("identities.detail"), getFormatter()]);
  const hasSecondFactor = identity.credentials.some((c) => (SECOND_FACTOR_TYPES as readonly string[]).includes(c.type));
  return (
    <Card aria-labelledby="credentials-title">
      <CardHeader titleId="credentials-title" title={t("credentialsTitle")} actions={hasSecondFactor ? removeSecondFactor : undefined} />
      <dl className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {identity.verifiableAddresses.map((address) => (
          <div key={address.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
            <dt className="text-slate-600 dark:text-slate-400">{t("verifiableAddress", { via: address.via })}</dt>
            <dd className="flex items-center gap-2">
              <span className="font-medium">{address.value}</span>
              <Badge tone={address.verified ? "success" : "warning"}>{address.verified ? t("verified") : t("unverified")}</Badge>
            </dd>
          </div>
        ))}
        {identity.recoveryAddresses.map((address) => (
          <div key={address.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
            <dt className="text-slate-600 dark:text-slate-400">{t("recoveryAddress")}</dt>
            <dd className="font-medium">{address.value}</dd>
          </div>
        ))}
        {identity.credentials.map((credential) => (
          <div key={credential.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
            <dt className="text-slate-600 dark:text-slate-400">{t("credential", { type: credential.type })}</dt>
            <dd className="text-right">
              <span className="font-medium">{credentialDetail(credential, t)}</span>
              <span className="block text-xs text-slate-500">{t("since", { date: format.dateTime(credential.createdAt, { dateStyle: "medium" }) })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
