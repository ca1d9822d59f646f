import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { IdentityRecord } from "@/lib/identity";

/** Addresses (verified or not, recovery) and credential types with their identifiers. No secrets shown. */
export async function IdentityCredentials({ identity }: { identity: IdentityRecord }) {
  const [t, format] = await Promise.all([getTranslations("identities.detail"), getFormatter()]);
  return (
    <Card aria-labelledby="credentials-title">
      <CardHeader titleId="credentials-title" title={t("credentialsTitle")} />
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
              <span className="font-medium">{credential.identifiers.map((i) => i.identifier).join(", ") || "—"}</span>
              <span className="block text-xs text-slate-500">{t("since", { date: format.dateTime(credential.createdAt, { dateStyle: "medium" }) })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
