import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { Icon } from "@/components/console/icons";
import { CreateWorkspaceForm } from "@/components/console/workspaces/create-workspace-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listProjects } from "@/lib/projects";
import { listWorkspacesForUser } from "@/lib/workspaces";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { createWorkspaceAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.workspaces"))("title") };
}

/** Console home: the user's workspaces (with project counts) and a form for a new one. */
export default async function WorkspacesPage() {
  const access = await currentConsoleAccess();
  const [t, format, workspaces, projects] = await Promise.all([
    getTranslations("console"),
    getFormatter(),
    listWorkspacesForUser(access),
    listProjects(access),
  ]);
  const projectCount = new Map<string, number>();
  for (const project of projects) projectCount.set(project.workspaceId, (projectCount.get(project.workspaceId) ?? 0) + 1);

  return (
    <>
      <PageHeader title={t("workspaces.title")} description={t("workspaces.description")} />
      {workspaces.items.length === 0 ? (
        <Card>
          <EmptyState icon={<Icon name="building" className="h-10 w-10" />} title={t("workspaces.emptyTitle")} description={t("workspaces.emptyDescription")} />
        </Card>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("workspaces.listLabel")}>
          {workspaces.items.map((workspace) => (
            <li key={workspace.id}>
              <Link
                href={`/console/workspaces/${workspace.id}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow dark:border-slate-800 dark:bg-slate-900 dark:hover:border-brand-500"
              >
                <div className="flex items-start justify-between gap-3">
                  <span className="flex min-w-0 items-center gap-2">
                    <Icon name="building" className="h-5 w-5 shrink-0 text-brand-600 dark:text-brand-100" />
                    <span className="truncate font-semibold">{workspace.name}</span>
                  </span>
                  <Badge>{t(`roles.${workspace.role}`)}</Badge>
                </div>
                <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
                  {t("workspaces.projectCount", { count: projectCount.get(workspace.id) ?? 0 })}
                  {" · "}
                  {t("workspaces.created", { date: format.dateTime(workspace.createdAt, { dateStyle: "medium" }) })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card className="mt-8 max-w-2xl" aria-labelledby="create-workspace-title">
        <CardHeader titleId="create-workspace-title" title={t("workspaces.createTitle")} description={t("workspaces.createDescription")} />
        <CardBody>
          <CreateWorkspaceForm action={createWorkspaceAction} />
        </CardBody>
      </Card>
    </>
  );
}
