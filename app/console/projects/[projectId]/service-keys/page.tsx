import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RevokeKeyButton } from "@/components/console/api-keys/revoke-key-button";
import { Icon } from "@/components/console/icons";
import { CreateServiceKeyForm } from "@/components/console/service-keys/create-service-key-form";
import { Sparkline } from "@/components/console/service-keys/sparkline";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { listConsoleServiceKeys, USAGE_DAYS } from "@/lib/api-key-service";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { createServiceKeyAction, revokeServiceKeyAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("console.serviceKeys"))("title")} · ${project.name}` };
}

const TONES: Record<string, BadgeTone> = { KEY_STATUS_ACTIVE: "success", KEY_STATUS_REVOKED: "danger", KEY_STATUS_EXPIRED: "warning" };

/** Keys for the tenant's own API (the API key service), not the project's management keys: create, scopes, expiry, usage, revoke. */
export default async function ServiceKeysPage({ params }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const [keys, t, format] = await Promise.all([listConsoleServiceKeys(access, project.id), getTranslations("console.serviceKeys"), getFormatter()]);
  const now = new Date();
  const revoke = revokeServiceKeyAction.bind(null, project.id);

  return (
    <div className="space-y-6">
      <Card aria-labelledby="create-service-key-title">
        <CardHeader titleId="create-service-key-title" title={t("createTitle")} description={t("createDescription", { base: `/p/${project.slug}/v2alpha1` })} />
        <CardBody>
          <CreateServiceKeyForm action={createServiceKeyAction.bind(null, project.id)} />
        </CardBody>
      </Card>
      <Card aria-labelledby="service-keys-title">
        <CardHeader titleId="service-keys-title" title={t("title")} description={t("listDescription")} />
        {keys.length === 0 ? (
          <EmptyState icon={<Icon name="key" className="h-10 w-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <Table label={t("title")} data-testid="service-keys-table">
            <THead>
              <tr>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.key")}</Th>
                <Th>{t("columns.scopes")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th>{t("columns.expires")}</Th>
                <Th>{t("columns.usage", { days: USAGE_DAYS })}</Th>
                <Th>{t("columns.lastUsed")}</Th>
                <Th><span className="sr-only">{t("columns.actions")}</span></Th>
              </tr>
            </THead>
            <TBody>
              {keys.map((key) => {
                const total = key.usage.reduce((sum, n) => sum + n, 0);
                return (
                  <tr key={key.key_id} data-key-id={key.key_id}>
                    <Td className="font-medium">{key.name}{key.kind === "imported" ? <span className="ml-2 text-xs text-slate-500">{t("imported")}</span> : null}</Td>
                    <Td><code className="font-mono text-xs">{key.display_prefix ? `${key.display_prefix}…` : "—"}</code></Td>
                    <Td className="text-xs">{key.scopes.length ? key.scopes.join(" ") : t("noScopes")}</Td>
                    <Td><Badge tone={TONES[key.status] ?? "neutral"}>{t(`status.${key.status}`)}</Badge></Td>
                    <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                      {key.expire_time ? format.dateTime(new Date(key.expire_time), { dateStyle: "medium" }) : t("noExpiry")}
                    </Td>
                    <Td>
                      <div className="flex items-center gap-2">
                        <Sparkline values={key.usage} label={t("usageLabel", { count: total, days: USAGE_DAYS })} />
                        <span className="text-xs tabular-nums text-slate-600 dark:text-slate-400">{format.number(total)}</span>
                      </div>
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                      {key.last_used_time ? <time dateTime={key.last_used_time}>{format.relativeTime(new Date(key.last_used_time), now)}</time> : t("never")}
                    </Td>
                    <Td className="text-right">
                      {key.status === "KEY_STATUS_ACTIVE" ? <RevokeKeyButton action={revoke} keyId={key.key_id} name={key.name} prefix={key.display_prefix} /> : null}
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
