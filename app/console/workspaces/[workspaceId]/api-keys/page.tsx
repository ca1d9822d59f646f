import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateKeyForm } from "@/components/console/api-keys/create-key-form";
import { KeyTable } from "@/components/console/api-keys/key-table";
import { Icon } from "@/components/console/icons";
import { PageHeader } from "@/components/console/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
  const [keys, t, tk] = await Promise.all([
    manage ? listWorkspaceApiKeys(access, workspace.id) : Promise.resolve([]),
    getTranslations("console"), getTranslations("console.apiKeys"),
  ]);
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
              <KeyTable keys={keys} label={t("workspaceApiKeys.title")} testId="workspace-api-keys-table" revoke={revoke} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
