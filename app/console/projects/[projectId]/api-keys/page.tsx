import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateKeyForm } from "@/components/console/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/console/api-keys/revoke-key-button";
import { Icon } from "@/components/console/icons";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { listProjectApiKeys } from "@/lib/apikeys";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("console.apiKeys"))("title")} · ${project.name}` };
}

/** Project API keys: create (shown once), list with prefix and last use, revoke with confirmation. */
export default async function ApiKeysPage({ params }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const [keys, t, format] = await Promise.all([listProjectApiKeys(access, project.id), getTranslations("console.apiKeys"), getFormatter()]);
  const now = new Date();
  const revoke = revokeApiKeyAction.bind(null, project.id);

  return (
    <div className="space-y-6">
      <Card aria-labelledby="create-key-title">
        <CardHeader titleId="create-key-title" title={t("createTitle")} description={t("createDescription", { base: `/p/${project.slug}/admin` })} />
        <CardBody>
          <CreateKeyForm action={createApiKeyAction.bind(null, project.id)} />
        </CardBody>
      </Card>
      <Card aria-labelledby="api-keys-title">
        <CardHeader titleId="api-keys-title" title={t("title")} description={t("listDescription")} />
        {keys.length === 0 ? (
          <EmptyState icon={<Icon name="key" className="h-10 w-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <Table label={t("title")} data-testid="api-keys-table">
            <THead>
              <tr>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.key")}</Th>
                <Th>{t("columns.created")}</Th>
                <Th>{t("columns.lastUsed")}</Th>
                <Th>{t("columns.expires")}</Th>
                <Th><span className="sr-only">{t("columns.actions")}</span></Th>
              </tr>
            </THead>
            <TBody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <Td className="font-medium">{key.name}</Td>
                  <Td><code className="font-mono text-xs">{key.prefix}…</code></Td>
                  <Td className="whitespace-nowrap">{format.dateTime(key.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                    {key.lastUsedAt ? <time dateTime={key.lastUsedAt.toISOString()}>{format.relativeTime(key.lastUsedAt, now)}</time> : t("never")}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                    {key.expiresAt ? format.dateTime(key.expiresAt, { dateStyle: "medium" }) : t("noExpiry")}
                  </Td>
                  <Td className="text-right">
                    <RevokeKeyButton action={revoke} keyId={key.id} name={key.name} prefix={key.prefix} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
