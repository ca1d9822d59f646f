import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Icon } from "@/components/console/icons";
import { ConfirmButton } from "@/components/console/oauth2/confirm-button";
import { CreateKeyForm } from "@/components/console/oauth2/create-key-form";
import { KeyStateBadge } from "@/components/console/oauth2/key-state-badge";
import { OAuth2Tabs } from "@/components/console/oauth2/oauth2-tabs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { consoleOAuth2Context, listKeySets } from "@/lib/oauth2-console";
import { publicOrigin } from "@/app/_lib/console-auth";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { createKeyAction, deleteKeyAction, rotateKeySetAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("oauth2Console.keys"))("title")} · ${project.name}` };
}

/** JSON Web Key sets: kid, algorithm, use and state of every key; rotate a set, add or delete keys. No private parts. */
export default async function KeysPage({ params }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const ctx = await consoleOAuth2Context(access, project.id, await publicOrigin());
  const [sets, t, format] = await Promise.all([listKeySets(ctx), getTranslations("oauth2Console.keys"), getFormatter()]);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short" }) : "—");

  return (
    <div className="space-y-6">
      <OAuth2Tabs projectId={project.id} current="keys" />
      <Card aria-labelledby="create-key-title">
        <CardHeader titleId="create-key-title" title={t("createTitle")} description={t("createDescription", { jwks: `${ctx.issuer}/.well-known/jwks.json` })} />
        <CardBody>
          <CreateKeyForm action={createKeyAction.bind(null, project.id)} sets={sets.map((set) => set.name)} />
        </CardBody>
      </Card>
      {sets.length === 0 ? (
        <Card aria-labelledby="keys-empty-title">
          <h2 id="keys-empty-title" className="sr-only">{t("title")}</h2>
          <EmptyState icon={<Icon name="key" className="h-10 w-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
        </Card>
      ) : null}
      {sets.map((set, index) => (
        <Card key={set.name} aria-labelledby={`key-set-${index}`} data-testid="key-set">
          <CardHeader
            titleId={`key-set-${index}`}
            title={<code className="font-mono">{set.name}</code>}
            description={t(`setDescriptions.${set.name === "hydra.openid.id-token" ? "idToken" : set.name === "hydra.jwt.access-token" ? "accessToken" : "custom"}`)}
            actions={
              <>
                <ConfirmButton
                  action={rotateKeySetAction.bind(null, project.id, set.name)}
                  tone="default"
                  label={t("rotate")}
                  ariaLabel={t("rotateNamed", { set: set.name })}
                  title={t("rotateTitle", { set: set.name })}
                  description={t("rotateDescription")}
                  confirmLabel={t("rotateConfirm")}
                  pendingLabel={t("rotating")}
                  doneMessage={t("rotated", { set: set.name })}
                  testId={`rotate-${set.name}`}
                />
                <ConfirmButton
                  action={deleteKeyAction.bind(null, project.id, set.name, undefined)}
                  label={t("deleteSet")}
                  ariaLabel={t("deleteSetNamed", { set: set.name })}
                  title={t("deleteSetTitle", { set: set.name })}
                  description={t("deleteSetDescription")}
                  confirmLabel={t("deleteConfirm")}
                  pendingLabel={t("deleting")}
                  doneMessage={t("deletedSet", { set: set.name })}
                />
              </>
            }
          />
          <Table label={set.name}>
            <THead>
              <tr>
                <Th>{t("columns.kid")}</Th>
                <Th>{t("columns.alg")}</Th>
                <Th>{t("columns.use")}</Th>
                <Th>{t("columns.state")}</Th>
                <Th>{t("columns.created")}</Th>
                <Th>{t("columns.expires")}</Th>
                <Th><span className="sr-only">{t("columns.actions")}</span></Th>
              </tr>
            </THead>
            <TBody>
              {set.keys.map((key) => (
                <tr key={key.kid}>
                  <Td className="max-w-[14rem]"><code className="block truncate font-mono text-xs">{key.kid}</code></Td>
                  <Td><code className="font-mono text-xs">{key.alg}</code></Td>
                  <Td>{key.use}</Td>
                  <Td><KeyStateBadge state={key.state} /></Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{date(key.createdAt)}</Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{key.state === "retired" ? date(key.expiresAt) : "—"}</Td>
                  <Td className="text-right">
                    <ConfirmButton
                      action={deleteKeyAction.bind(null, project.id, set.name, key.kid)}
                      label={t("delete")}
                      ariaLabel={t("deleteNamed", { kid: key.kid })}
                      title={t("deleteTitle", { kid: key.kid })}
                      description={key.state === "current" ? t("deleteCurrentDescription") : t("deleteDescription")}
                      confirmLabel={t("deleteConfirm")}
                      pendingLabel={t("deleting")}
                      doneMessage={t("deleted", { kid: key.kid })}
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Card>
      ))}
    </div>
  );
}
