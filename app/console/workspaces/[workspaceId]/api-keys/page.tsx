import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateKeyForm } from "@/components/console/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/console/api-keys/revoke-key-button";
import { Icon } from "@/components/console/icons";
import { PageHeader } from "@/components/console/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { can } from "@/lib/access";
import { getWorkspace, listWorkspaceApiKeys } from "@/lib/workspaces";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { loadOrNotFound } from "@/app/_lib/domain-errors";
import { createWorkspaceKeyAction, revokeWorkspaceKeyAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ workspaceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await currentConsoleAccess();
  const workspace = await loadOrNotFound(async () => getWorkspace(access, (await params).workspaceId));
  return { title: `${(await getTranslations("console.workspaceApiKeys"))("title")} · ${workspace.name}` };
}

/** Workspace API keys (`pc_wak_…`) for the console API and the SDKs: create (shown once, optional expiry), list, revoke. */
export default async function WorkspaceApiKeysPage({ params }: Props) {
  const { workspaceId } = await params;
  const access = await currentConsoleAccess();
  const workspace = await loadOrNotFound(() => getWorkspace(access, workspaceId));
  const manage = can(access, workspace.id, "manage");
  const [keys, t, tk, format] = await Promise.all([
    manage ? listWorkspaceApiKeys(access, workspace.id) : Promise.resolve([]),
    getTranslations("console"), getTranslations("console.apiKeys"), getFormatter(),
  ]);
  const now = new Date();
  const revoke = revokeWorkspaceKeyAction.bind(null, workspace.id);

  return (
    <>
      <PageHeader
        title={t("workspaceApiKeys.title")}
        breadcrumbLabel={t("shell.breadcrumb")}
        crumbs={[
          { href: "/console", label: t("workspaces.title") },
          { href: `/console/workspaces/${workspace.id}`, label: workspace.name },
          { label: t("workspaceApiKeys.title") },
        ]}
      />
      {!manage ? (
        <Card>
          <EmptyState icon={<Icon name="key" className="h-10 w-10" />} title={t("workspaceApiKeys.title")} description={t("workspaceApiKeys.manageOnly")} />
        </Card>
      ) : (
        <div className="space-y-6">
          <Card aria-labelledby="create-key-title">
            <CardHeader titleId="create-key-title" title={tk("createTitle")} description={t("workspaceApiKeys.createDescription", { base: "/api/console" })} />
            <CardBody>
              <CreateKeyForm action={createWorkspaceKeyAction.bind(null, workspace.id)} />
            </CardBody>
          </Card>
          <Card aria-labelledby="api-keys-title">
            <CardHeader titleId="api-keys-title" title={t("workspaceApiKeys.title")} description={tk("listDescription")} />
            {keys.length === 0 ? (
              <EmptyState icon={<Icon name="key" className="h-10 w-10" />} title={tk("emptyTitle")} description={t("workspaceApiKeys.emptyDescription")} />
            ) : (
              <Table label={t("workspaceApiKeys.title")} data-testid="workspace-api-keys-table">
                <THead>
                  <tr>
                    <Th>{tk("columns.name")}</Th>
                    <Th>{tk("columns.key")}</Th>
                    <Th>{tk("columns.created")}</Th>
                    <Th>{tk("columns.lastUsed")}</Th>
                    <Th>{tk("columns.expires")}</Th>
                    <Th><span className="sr-only">{tk("columns.actions")}</span></Th>
                  </tr>
                </THead>
                <TBody>
                  {keys.map((key) => (
                    <tr key={key.id}>
                      <Td className="font-medium">{key.name}</Td>
                      <Td><code className="font-mono text-xs">{key.prefix}…</code></Td>
                      <Td className="whitespace-nowrap">{format.dateTime(key.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                      <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                        {key.lastUsedAt ? <time dateTime={key.lastUsedAt.toISOString()}>{format.relativeTime(key.lastUsedAt, now)}</time> : tk("never")}
                      </Td>
                      <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                        {key.expiresAt ? format.dateTime(key.expiresAt, { dateStyle: "medium" }) : tk("noExpiry")}
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
      )}
    </>
  );
}
