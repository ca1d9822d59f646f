import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CourierStatusBadge } from "@/components/console/courier/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { AppError } from "@/lib/core/errors";
import { getMessage } from "@/lib/courier";
import { consoleServiceContext } from "@/lib/identity-console/context";
import { loadConsoleProject } from "@/app/_lib/project-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string; messageId: string }> };

async function load(props: Props) {
  const { projectId, messageId } = await props.params;
  const { access, project } = await loadConsoleProject(projectId);
  const ctx = await consoleServiceContext(access, project.id);
  try {
    return { project, message: await getMessage(ctx.db, messageId) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { project, message } = await load(props);
  return { title: `${message.subject} · ${project.name}` };
}

/** One courier message: headers, plain-text body and every delivery attempt. */
export default async function CourierMessagePage(props: Props) {
  const { project, message } = await load(props);
  const [t, format] = await Promise.all([getTranslations("courier"), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="space-y-6">
      <ButtonLink href={`/console/projects/${project.id}/courier`} variant="ghost" size="sm">← {t("back")}</ButtonLink>
      <Card aria-labelledby="message-title">
        <CardHeader titleId="message-title" title={message.subject || t("noSubject")} actions={<CourierStatusBadge status={message.status} sendCount={message.send_count} />} />
        <CardBody className="space-y-4">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600 dark:text-slate-400">{t("columns.recipient")}</dt>
            <dd>{message.recipient}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("columns.template")}</dt>
            <dd><code className="font-mono text-xs">{message.template_type}</code></dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("columns.created")}</dt>
            <dd>{when(message.created_at)}</dd>
          </dl>
          <pre tabIndex={0} className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950" data-testid="courier-body">
            {message.body}
          </pre>
        </CardBody>
      </Card>
      <Card aria-labelledby="dispatches-title">
        <CardHeader titleId="dispatches-title" title={t("dispatches")} />
        <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
          {(message.dispatches ?? []).length === 0 ? <li className="px-5 py-3 text-slate-600 dark:text-slate-400">{t("noDispatches")}</li> : null}
          {(message.dispatches ?? []).map((dispatch) => (
            <li key={dispatch.id} className="flex flex-wrap justify-between gap-2 px-5 py-3">
              <span>{when(dispatch.created_at)}</span>
              <span className={dispatch.status === "failed" ? "text-red-700 dark:text-red-400" : ""}>
                {dispatch.status}
                {"error" in dispatch && dispatch.error ? ` — ${JSON.stringify(dispatch.error)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
