import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Icon } from "@/components/console/icons";
import { ConfirmButton } from "@/components/console/oauth2/confirm-button";
import { OAuth2Tabs } from "@/components/console/oauth2/oauth2-tabs";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { consoleOAuth2Context, lookupConsents } from "@/lib/oauth2-console";
import { publicOrigin } from "@/app/_lib/console-auth";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { revokeConsentAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("oauth2Console.consent"))("title")} · ${project.name}` };
}

/** Consent sessions of a subject (identity id, or email/name search): which client got which scopes when; revoke. */
export default async function ConsentPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const query = ((await searchParams).q ?? "").trim().slice(0, 200);
  const ctx = await consoleOAuth2Context(access, project.id, await publicOrigin());
  const [subjects, t, format] = await Promise.all([lookupConsents(ctx, query), getTranslations("oauth2Console.consent"), getFormatter()]);

  return (
    <div className="space-y-6">
      <OAuth2Tabs projectId={project.id} current="consent" />
      <Card aria-labelledby="consent-title">
        <CardHeader titleId="consent-title" title={t("title")} description={t("description")} />
        <div className="px-5 py-4">
          <form role="search" method="get" className="flex flex-col gap-2 sm:flex-row">
            <label htmlFor="consent-search" className="sr-only">{t("searchLabel")}</label>
            <Input id="consent-search" type="search" name="q" defaultValue={query} placeholder={t("searchPlaceholder")} maxLength={200} className="sm:max-w-md" />
            <Button type="submit" variant="secondary">{t("search")}</Button>
          </form>
        </div>
        {!query ? (
          <EmptyState icon={<Icon name="shield" className="h-10 w-10" />} title={t("startTitle")} description={t("startDescription")} />
        ) : null}
      </Card>
      {subjects.map((entry, index) => (
        <Card key={entry.subject} aria-labelledby={`subject-${index}`} data-testid="consent-subject">
          <CardHeader
            titleId={`subject-${index}`}
            title={entry.label ?? entry.subject}
            description={<code className="font-mono text-xs">{entry.subject}</code>}
            actions={
              entry.grants.length ? (
                <ConfirmButton
                  action={revokeConsentAction.bind(null, project.id, entry.subject, undefined)}
                  label={t("revokeAll")}
                  ariaLabel={t("revokeAllNamed", { subject: entry.label ?? entry.subject })}
                  title={t("revokeAllTitle", { subject: entry.label ?? entry.subject })}
                  description={t("revokeAllDescription")}
                  confirmLabel={t("revokeConfirm")}
                  pendingLabel={t("revoking")}
                  doneMessage={t("revokedAll")}
                />
              ) : undefined
            }
          />
          {entry.grants.length === 0 ? (
            <EmptyState title={t("noneTitle")} description={t("noneDescription")} />
          ) : (
            <Table label={t("tableLabel", { subject: entry.label ?? entry.subject })}>
              <THead>
                <tr>
                  <Th>{t("columns.client")}</Th>
                  <Th>{t("columns.scopes")}</Th>
                  <Th>{t("columns.granted")}</Th>
                  <Th><span className="sr-only">{t("columns.actions")}</span></Th>
                </tr>
              </THead>
              <TBody>
                {entry.grants.map((grant) => (
                  <tr key={grant.clientId}>
                    <Td className="max-w-xs">
                      <span className="block truncate font-medium">{grant.clientName || grant.clientId}</span>
                      <code className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{grant.clientId}</code>
                    </Td>
                    <Td>
                      <ul className="flex flex-wrap gap-1">
                        {grant.scopes.map((scope) => <li key={scope}><code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">{scope}</code></li>)}
                      </ul>
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{grant.grantedAt ? format.dateTime(grant.grantedAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</Td>
                    <Td className="text-right">
                      <ConfirmButton
                        action={revokeConsentAction.bind(null, project.id, entry.subject, grant.clientId)}
                        label={t("revoke")}
                        ariaLabel={t("revokeNamed", { client: grant.clientName || grant.clientId })}
                        title={t("revokeTitle", { client: grant.clientName || grant.clientId })}
                        description={t("revokeDescription")}
                        confirmLabel={t("revokeConfirm")}
                        pendingLabel={t("revoking")}
                        doneMessage={t("revoked")}
                      />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      ))}
    </div>
  );
}
