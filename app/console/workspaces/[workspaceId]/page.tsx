import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Icon } from "@/components/console/icons";
import { PageHeader } from "@/components/console/page-header";
import { CreateProjectForm } from "@/components/console/projects/create-project-form";
import { EnvironmentBadge } from "@/components/console/projects/environment-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getWorkspace, listWorkspaceProjects } from "@/lib/workspaces";
import { currentConsoleAccess } from "@/app/_lib/console-auth";
import { loadOrNotFound } from "@/app/_lib/domain-errors";
import { createProjectAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ workspaceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await currentConsoleAccess();
  const { workspaceId } = await params;
  const workspace = await loadOrNotFound(() => getWorkspace(access, workspaceId));
  return { title: workspace.name };
}

/** A workspace: its projects (or an empty state) and the form for a new project. */
export default async function WorkspacePage({ params }: Props) {
  const { workspaceId } = await params;
  const access = await currentConsoleAccess();
  const workspace = await loadOrNotFound(() => getWorkspace(access, workspaceId));
  const [projects, t, format] = await Promise.all([listWorkspaceProjects(access, workspace.id), getTranslations("console"), getFormatter()]);

  return (
    <>
      <PageHeader
        title={workspace.name}
        badges={<Badge>{t(`roles.${workspace.role}`)}</Badge>}
        crumbs={[{ href: "/console", label: t("workspaces.title") }, { label: workspace.name }]}
        breadcrumbLabel={t("shell.breadcrumb")}
        actions={
          <>
            <Link href={`/console/workspaces/${workspace.id}/members`} className={buttonClasses("secondary", "sm")}>
              <Icon name="users" className="h-4 w-4" />
              {t("nav.members")}
            </Link>
            <Link href={`/console/workspaces/${workspace.id}/api-keys`} className={buttonClasses("secondary", "sm")}>
              <Icon name="key" className="h-4 w-4" />
              {t("nav.apiKeys")}
            </Link>
            <Link href={`/console/workspaces/${workspace.id}/audit`} className={buttonClasses("secondary", "sm")}>
              <Icon name="list" className="h-4 w-4" />
              {t("nav.audit")}
            </Link>
          </>
        }
      />
      <Card aria-labelledby="projects-title">
        <CardHeader titleId="projects-title" title={t("projects.title")} description={t("projects.description")} />
        {projects.length === 0 ? (
          <EmptyState
            icon={<Icon name="folder" className="h-10 w-10" />}
            title={t("projects.emptyTitle")}
            description={t("projects.emptyDescription")}
            action={<a href="#project-name" className={buttonClasses("primary")}>{t("projects.createFirst")}</a>}
          />
        ) : (
          <Table label={t("projects.title")}>
            <THead>
              <tr>
                <Th>{t("projects.columns.name")}</Th>
                <Th>{t("projects.columns.slug")}</Th>
                <Th>{t("projects.columns.environment")}</Th>
                <Th>{t("projects.columns.created")}</Th>
              </tr>
            </THead>
            <TBody>
              {projects.map((project) => (
                <tr key={project.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <Td>
                    <Link href={`/console/projects/${project.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
                      {project.name}
                    </Link>
                  </Td>
                  <Td><code className="font-mono text-xs">{project.slug}</code></Td>
                  <Td><EnvironmentBadge environment={project.environment} /></Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{format.dateTime(project.createdAt, { dateStyle: "medium" })}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <Card className="mt-8 max-w-2xl" aria-labelledby="create-project-title">
        <CardHeader titleId="create-project-title" title={t("projects.createTitle")} description={t("projects.createDescription")} />
        <CardBody>
          <CreateProjectForm action={createProjectAction.bind(null, workspace.id)} />
        </CardBody>
      </Card>
    </>
  );
}
