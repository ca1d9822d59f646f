import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CourierFilter } from "@/components/console/courier/courier-filter";
import { CourierStatusBadge } from "@/components/console/courier/status-badge";
import { Icon } from "@/components/console/icons";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SmtpSettingsForm } from "@/components/console/courier/smtp-settings-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { courierSettings, listMessages, listMessagesQuery } from "@/lib/courier";
import { smtpFormValues } from "@/lib/identity-console/smtp-settings";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { loadConsoleProject } from "@/app/_lib/project-context";
import { saveSmtpSettingsAction, sendTestEmailAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("courier"))("title")} · ${project.name}` };
}

/** Mail the project sent or is about to send (recovery and verification codes, …), newest first. */
export default async function CourierPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const ctx = await consoleServiceContext(access, project.id);
  const raw = await searchParams;
  const query = listMessagesQuery.catch({ page_size: 50 }).parse({ page_size: 50, page_token: raw.page_token, status: raw.status || undefined, recipient: raw.recipient?.trim() || undefined });
  const [{ messages, nextToken }, t, format] = await Promise.all([listMessages(ctx.db, query), getTranslations("courier"), getFormatter()]);
  const base = `/console/projects/${project.id}/courier`;
  const nextQuery = new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(query.recipient ? { recipient: query.recipient } : {}), ...(nextToken ? { page_token: nextToken } : {}) });

  const smtp = courierSettings(ctx.project.config, ctx.project.name);
  const ownSmtp = smtpFormValues(ctx.project.config);
  return (
    <div className="space-y-6">
    {!smtp.connectionUri ? (
      <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="no-smtp-notice">
        {t("smtp.notConfigured")}
      </div>
    ) : null}
    <Card aria-labelledby="courier-title">
      <CardHeader titleId="courier-title" title={t("title")} description={t("description")} />
      <div className="border-b border-slate-200 px-5 py-4 dark:border-slate-800">
        <CourierFilter status={query.status} recipient={query.recipient} />
      </div>
      {messages.length === 0 ? (
        <EmptyState icon={<Icon name="mail" className="h-10 w-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table label={t("title")} data-testid="courier-table">
          <THead>
            <tr>
              <Th>{t("columns.created")}</Th>
              <Th>{t("columns.recipient")}</Th>
              <Th>{t("columns.subject")}</Th>
              <Th>{t("columns.template")}</Th>
              <Th>{t("columns.status")}</Th>
            </tr>
          </THead>
          <TBody>
            {messages.map((message) => (
              <tr key={message.id}>
                <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{format.dateTime(new Date(message.created_at), { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td className="max-w-48 truncate">{message.recipient}</Td>
                <Td className="max-w-xs">
                  <Link href={`${base}/${message.id}`} className="block truncate font-medium text-brand-700 hover:underline dark:text-brand-100">
                    {message.subject || t("noSubject")}
                  </Link>
                </Td>
                <Td><code className="font-mono text-xs">{message.template_type}</code></Td>
                <Td><CourierStatusBadge status={message.status} sendCount={message.send_count} /></Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {nextToken ? (
        <div className="flex justify-end border-t border-slate-200 px-5 py-3 dark:border-slate-800">
          <ButtonLink href={`${base}?${nextQuery}`} variant="secondary" size="sm">{t("next")}</ButtonLink>
        </div>
      ) : null}
    </Card>
    <Card aria-labelledby="smtp-title">
      <CardHeader titleId="smtp-title" title={t("smtp.title")} description={t("smtp.description")} />
      <CardBody>
        <SmtpSettingsForm
          save={saveSmtpSettingsAction.bind(null, project.id)}
          test={sendTestEmailAction.bind(null, project.id)}
          current={ownSmtp}
          operatorFallback={!ownSmtp.connectionUri && Boolean(smtp.connectionUri)}
        />
      </CardBody>
    </Card>
    </div>
  );
}
