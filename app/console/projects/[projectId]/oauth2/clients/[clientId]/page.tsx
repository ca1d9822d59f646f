import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyField } from "@/components/console/copy-field";
import { ClientActions } from "@/components/console/oauth2/client-actions";
import { ClientLifespansForm } from "@/components/console/oauth2/client-lifespans-form";
import { EditClientForm } from "@/components/console/oauth2/edit-client-form";
import { OAuth2Tabs } from "@/components/console/oauth2/oauth2-tabs";
import { PresetBadge } from "@/components/console/oauth2/preset-badge";
import { TryAuthorize } from "@/components/console/oauth2/try-authorize";
import { TryClientCredentials } from "@/components/console/oauth2/try-client-credentials";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getClient } from "@/lib/oauth2/clients";
import { clientLifespanRows, consoleOAuth2Context, editableClient } from "@/lib/oauth2-console";
import { publicOrigin } from "@/app/_lib/console-auth";
import { loadOrNotFound } from "@/app/_lib/domain-errors";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { oauth2Path } from "../../errors";
import { deleteClientAction, rotateClientSecretAction, updateClientAction } from "../actions";
import { saveLifespansAction } from "../lifespan-actions";
import { tryClientCredentialsAction } from "../try-actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string; clientId: string }> };

async function load(props: Props) {
  const { projectId, clientId: rawId } = await props.params;
  const { access, project } = await loadConsoleProject(projectId);
  const ctx = await consoleOAuth2Context(access, project.id, await publicOrigin());
  const clientId = decodeURIComponent(rawId);
  const record = await loadOrNotFound(() => getClient(ctx, clientId));
  return { project, ctx, record };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { project, record } = await load(props);
  return { title: `${record.doc.client_name || record.doc.client_id} · ${project.name}` };
}

/** One client: identifiers, secret rotation, a try-it panel, the edit form, deletion. */
export default async function ClientPage(props: Props) {
  const { project, ctx, record } = await load(props);
  const doc = record.doc;
  const [t, format] = await Promise.all([getTranslations("oauth2Console.client"), getFormatter()]);
  const id = doc.client_id;
  const hasSecret = doc.token_endpoint_auth_method === "client_secret_basic" || doc.token_endpoint_auth_method === "client_secret_post";
  const machine = doc.grant_types.includes("client_credentials");
  const interactive = doc.grant_types.includes("authorization_code");
  const name = doc.client_name || id;

  return (
    <div className="space-y-6">
      <OAuth2Tabs projectId={project.id} current="" />
      <Card aria-labelledby="client-title">
        <CardHeader
          titleId="client-title"
          title={<span className="flex flex-wrap items-center gap-2">{name} <PresetBadge client={{ ...doc }} /></span>}
          description={t("updated", { date: format.dateTime(record.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          actions={
            <>
              <ButtonLink href={oauth2Path(project.id)} variant="ghost" size="sm">{t("back")}</ButtonLink>
              <ClientActions
                clientId={id}
                name={name}
                hasSecret={hasSecret}
                rotate={rotateClientSecretAction.bind(null, project.id, id)}
                remove={deleteClientAction.bind(null, project.id, id)}
              />
            </>
          }
        />
        <CardBody>
          <dl className="grid grid-cols-1 gap-4 text-sm lg:grid-cols-2">
            <div className="min-w-0 space-y-1.5">
              <dt className="font-medium">{t("clientId")}</dt>
              <dd><CopyField value={id} copyLabel={t("copyClientId")} testId="client-id" /></dd>
            </div>
            <div className="min-w-0 space-y-1.5">
              <dt className="font-medium">{t("issuer")}</dt>
              <dd><CopyField value={ctx.issuer} copyLabel={t("copyIssuer")} /></dd>
            </div>
            <div className="min-w-0 space-y-1.5">
              <dt className="font-medium">{t("secret")}</dt>
              <dd className="text-slate-600 dark:text-slate-400">{hasSecret ? t("secretHidden") : t("noSecret", { method: doc.token_endpoint_auth_method })}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      {interactive || (machine && hasSecret) ? (
        <Card aria-labelledby="try-title">
          <CardHeader titleId="try-title" title={t("tryTitle")} description={t("tryDescription")} />
          <CardBody className="space-y-6">
            {interactive ? <TryAuthorize issuer={ctx.issuer} clientId={id} redirectUris={doc.redirect_uris} scope={doc.scope} /> : null}
            {machine && hasSecret ? <TryClientCredentials action={tryClientCredentialsAction.bind(null, project.id, id)} scope={doc.scope} /> : null}
          </CardBody>
        </Card>
      ) : null}

      <Card aria-labelledby="edit-title">
        <CardHeader titleId="edit-title" title={t("editTitle")} description={t("editDescription")} />
        <CardBody>
          <EditClientForm
            action={updateClientAction.bind(null, project.id, id)}
            client={editableClient(doc)}
          />
        </CardBody>
      </Card>

      <Card aria-labelledby="lifespans-title">
        <CardHeader titleId="lifespans-title" title={t("lifespansTitle")} description={t("lifespansDescription")} />
        <CardBody>
          <ClientLifespansForm action={saveLifespansAction.bind(null, project.id, id)} rows={clientLifespanRows(doc, project)} />
        </CardBody>
      </Card>
    </div>
  );
}
