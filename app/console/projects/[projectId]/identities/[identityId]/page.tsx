import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConfirmActionButton } from "@/components/console/identities/confirm-action-button";
import { IdentityCredentials } from "@/components/console/identities/identity-credentials";
import { IdentityForm } from "@/components/console/identities/identity-form";
import { IdentitySessions } from "@/components/console/identities/identity-sessions";
import { IdentityStateBadge } from "@/components/console/identities/state-badge";
import { IdentityTabs } from "@/components/console/identities/identity-tabs";
import { RecoveryLinkButton } from "@/components/console/identities/recovery-link-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isUuid } from "@/lib/core/ids";
import { getIdentity, getIdentitySchema } from "@/lib/identity";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { summarizeIdentity } from "@/lib/identity-console/summary";
import { traitFields, traitFormValues } from "@/lib/identity-console/traits-form";
import { listIdentitySessions } from "@/lib/sessions";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { deleteIdentityAction, removeSecondFactorAction, revokeSessionAction, sendRecoveryLinkAction, updateIdentityAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string; identityId: string }> };

async function load(props: Props) {
  const { projectId, identityId } = await props.params;
  const { access, project } = await loadConsoleProject(projectId);
  const ctx = await consoleServiceContext(access, project.id);
  const identity = isUuid(identityId) ? await getIdentity(ctx, identityId) : undefined;
  if (!identity) notFound();
  return { project, ctx, identity };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { project, identity } = await load(props);
  return { title: `${summarizeIdentity(identity).label} · ${project.name}` };
}

/** One identity: traits (schema form), addresses and credentials, sessions, recovery link, deletion. */
export default async function IdentityPage(props: Props) {
  const { project, ctx, identity } = await load(props);
  const t = await getTranslations("identities.detail");
  const summary = summarizeIdentity(identity);
  const fields = traitFields(getIdentitySchema(ctx.project, identity.schemaId).schema);
  const sessions = await listIdentitySessions(ctx, identity.id, 50);

  return (
    <div className="space-y-6">
      <IdentityTabs projectId={project.id} current="" />
      <Card aria-labelledby="traits-title">
        <CardHeader
          titleId="traits-title"
          title={summary.label}
          description={<span className="font-mono text-xs">{identity.id} · {identity.schemaId}</span>}
          actions={<IdentityStateBadge state={summary.state} verified={summary.verified} />}
        />
        <CardBody>
          <IdentityForm
            action={updateIdentityAction.bind(null, project.id, identity.id)}
            mode="edit"
            fields={fields}
            values={traitFormValues(fields, identity.traits)}
            state={identity.state}
          />
        </CardBody>
      </Card>
      <IdentityCredentials
        identity={identity}
        removeSecondFactor={
          <ConfirmActionButton
            action={removeSecondFactorAction.bind(null, project.id, identity.id)}
            variant="danger"
            label={t("removeSecondFactor")}
            title={t("removeSecondFactorTitle", { name: summary.label })}
            description={t("removeSecondFactorDescription")}
            confirmLabel={t("removeSecondFactor")}
            pendingLabel={t("removingSecondFactor")}
            doneMessage={t("removedSecondFactor")}
            testId="remove-second-factor"
          />
        }
      />
      <IdentitySessions sessions={sessions} revoke={revokeSessionAction.bind(null, project.id, identity.id)} now={ctx.now} />
      <Card aria-labelledby="recovery-title">
        <CardHeader titleId="recovery-title" title={t("recoveryTitle")} description={t("recoveryDescription")} actions={<RecoveryLinkButton action={sendRecoveryLinkAction.bind(null, project.id, identity.id)} />} />
      </Card>
      <Card aria-labelledby="danger-title" className="border-red-200 dark:border-red-900">
        <CardHeader
          titleId="danger-title"
          title={t("deleteTitle")}
          description={t("deleteDescription")}
          actions={
            <ConfirmActionButton
              action={deleteIdentityAction.bind(null, project.id, identity.id)}
              variant="danger"
              label={t("delete")}
              title={t("deleteConfirmTitle", { name: summary.label })}
              description={t("deleteConfirmDescription")}
              confirmLabel={t("delete")}
              pendingLabel={t("deleting")}
              doneMessage={t("deleted")}
              testId="delete-identity"
            />
          }
        />
      </Card>
    </div>
  );
}
