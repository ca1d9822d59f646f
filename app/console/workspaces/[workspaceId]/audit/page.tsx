import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/console/audit/audit-log";
import { PageHeader } from "@/components/console/page-header";
import { listAuditEvents } from "@/lib/audit";
import { countAuditEventsPerDay } from "@/lib/audit/daily-counts";
import { getWorkspace } from "@/lib/workspaces";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { loadOrNotFound } from "@/app/_lib/domain-errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ workspaceId: string }>; searchParams: Promise<{ page_token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await currentConsoleAccess();
  const workspace = await loadOrNotFound(async () => getWorkspace(access, (await params).workspaceId));
  return { title: `${(await getTranslations("console.audit"))("title")} · ${workspace.name}` };
}

/** The workspace's audit log: its own console actions and those in its projects. */
export default async function WorkspaceAuditPage({ params, searchParams }: Props) {
  const access = await currentConsoleAccess();
  const { workspaceId } = await params;
  const workspace = await loadOrNotFound(() => getWorkspace(access, workspaceId));
  const raw = (await searchParams).page_token;
  const pageToken = typeof raw === "string" && raw.length <= 512 ? raw : undefined;
  const scope = { workspaceId: workspace.id };
  const [page, days, t] = await Promise.all([
    loadOrNotFound(() => listAuditEvents(access, scope, { pageSize: 25, pageToken })),
    countAuditEventsPerDay(access, scope, 14),
    getTranslations("console"),
  ]);
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        breadcrumbLabel={t("shell.breadcrumb")}
        crumbs={[
          { href: "/console", label: t("workspaces.title") },
          { href: `/console/workspaces/${workspace.id}`, label: workspace.name },
          { label: t("audit.title") },
        ]}
      />
      <AuditLog events={page.items} days={days} basePath={`/console/workspaces/${workspace.id}/audit`} nextPageToken={page.nextPageToken || undefined} isFirstPage={!pageToken} />
    </>
  );
}
