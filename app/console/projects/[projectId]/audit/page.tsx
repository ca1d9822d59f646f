import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/console/audit/audit-log";
import { listAuditEvents } from "@/lib/audit";
import { countAuditEventsPerDay } from "@/lib/audit/daily-counts";
import { loadOrNotFound } from "@/app/_lib/domain-errors";
import { loadConsoleProject } from "@/app/_lib/project-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ page_token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("console.audit"))("title")} · ${project.name}` };
}

export default async function ProjectAuditPage({ params, searchParams }: Props) {
  const { access, project } = await loadConsoleProject((await params).projectId);
  const raw = (await searchParams).page_token;
  const pageToken = typeof raw === "string" && raw.length <= 512 ? raw : undefined;
  const scope = { projectId: project.id };
  const [page, days, t] = await Promise.all([
    loadOrNotFound(() => listAuditEvents(access, scope, { pageSize: 25, pageToken })),
    countAuditEventsPerDay(access, scope, 14),
    getTranslations("console.audit"),
  ]);
  return (
    <>
      <h2 className="sr-only">{t("title")}</h2>
      <AuditLog events={page.items} days={days} basePath={`/console/projects/${project.id}/audit`} nextPageToken={page.nextPageToken || undefined} isFirstPage={!pageToken} />
    </>
  );
}
