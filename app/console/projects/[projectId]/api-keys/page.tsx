import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateKeyForm } from "@/components/console/api-keys/create-key-form";
import { KeyTable } from "@/components/console/api-keys/key-table";
import { Icon } from "@/components/console/icons";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
  const [keys, t] = await Promise.all([listProjectApiKeys(access, project.id), getTranslations("console.apiKeys")]);
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
          <KeyTable keys={keys} label={t("title")} testId="api-keys-table" revoke={revoke} />
        )}
      </Card>
    </div>
  );
}
