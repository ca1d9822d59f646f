import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { AuditEventView } from "@/lib/audit";
import type { DailyCount } from "@/lib/audit/daily-counts";
import { Icon } from "../icons";
import { AuditChart } from "./audit-chart";

export interface AuditLogProps {
  events: AuditEventView[];
  days: DailyCount[];
  /** Path of this page, for the paging links. */
  basePath: string;
  nextPageToken?: string;
  isFirstPage: boolean;
}

/** The audit log of a workspace or project: a per-day chart and the events, newest first, keyset-paged. */
export async function AuditLog({ events, days, basePath, nextPageToken, isFirstPage }: AuditLogProps) {
  const [t, format] = await Promise.all([getTranslations("console.audit"), getFormatter()]);
  // Every action reads as words: a translated label, else the key itself made readable ("gateway.rule.created").
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(/\./g, "_")}`;
    if (t.has(key)) return t(key);
    const words = action.replace(/[._]+/g, " ").trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  const actorCell = (actor: AuditEventView["actor"]) => {
    if (actor.kind === "user") {
      return (
        <>
          <span className="block truncate font-medium">{actor.name}</span>
          {actor.email && actor.email !== actor.name ? <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{actor.email}</span> : null}
        </>
      );
    }
    return <span className="block truncate">{t(`actors.${actor.kind}`, { name: actor.name })}</span>;
  };

  return (
    <div className="space-y-6">
      <Card aria-labelledby="audit-chart-title">
        <CardHeader titleId="audit-chart-title" title={t("chartTitle")} />
        <CardBody>
          <AuditChart days={days} />
        </CardBody>
      </Card>
      <Card aria-labelledby="audit-events-title">
        <CardHeader titleId="audit-events-title" title={t("eventsTitle")} description={t("description")} />
        {events.length === 0 ? (
          <EmptyState icon={<Icon name="list" className="h-10 w-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          // Under md the rows stack (a card per event, each value under its column's name): no sideways scrolling on phones.
          <Table label={t("eventsTitle")} data-testid="audit-table" className="max-md:block max-md:[&_thead]:hidden max-md:[&_tbody]:block max-md:[&_td]:block max-md:[&_td]:max-w-none max-md:[&_td]:py-0.5 max-md:[&_tr]:block max-md:[&_tr]:py-2">
            <THead>
              <tr>
                <Th>{t("columns.time")}</Th>
                <Th>{t("columns.actor")}</Th>
                <Th>{t("columns.action")}</Th>
                <Th>{t("columns.target")}</Th>
              </tr>
            </THead>
            <TBody>
              {events.map((event) => (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                    <span className="block text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden dark:text-slate-400">{t("columns.time")}</span>
                    <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
                  </Td>
                  <Td className="max-w-56">
                    <span className="block text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden dark:text-slate-400">{t("columns.actor")}</span>
                    {actorCell(event.actor)}
                  </Td>
                  <Td>
                    <span className="block text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden dark:text-slate-400">{t("columns.action")}</span>
                    <span className="font-medium">{actionLabel(event.action)}</span>
                    <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">{event.action}</span>
                  </Td>
                  <Td className="text-slate-600 dark:text-slate-400">
                    <span className="block text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden dark:text-slate-400">{t("columns.target")}</span>
                    <span>{event.targetType}</span>{" "}
                    <code className="font-mono text-xs" title={event.targetId}>{event.targetId.slice(0, 8)}</code>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        {!isFirstPage || nextPageToken ? (
          <nav aria-label={t("paging")} className="flex justify-between gap-3 border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            {isFirstPage ? <span /> : <Link href={basePath} className={buttonClasses("secondary", "sm")}>{t("newest")}</Link>}
            {nextPageToken ? (
              <Link href={`${basePath}?page_token=${encodeURIComponent(nextPageToken)}`} className={buttonClasses("secondary", "sm")}>
                {t("older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
