import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { EnvironmentBadge } from "@/components/console/projects/environment-badge";
import { SectionCrumb } from "@/components/console/shell/section-crumb";
import { loadConsoleProject } from "@/app/_lib/project-context";

/** Every project page: breadcrumbs, the project's name as the page's h1, its environment. */
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, workspace } = await loadConsoleProject(projectId);
  const t = await getTranslations("console");
  return (
    <>
      <PageHeader
        title={project.name}
        badges={<EnvironmentBadge environment={project.environment} />}
        breadcrumbLabel={t("shell.breadcrumb")}
        crumbs={[
          { href: "/console", label: t("workspaces.title") },
          { href: `/console/workspaces/${workspace.id}`, label: workspace.name },
          { href: `/console/projects/${project.id}`, label: project.name },
        ]}
        crumbTrail={<SectionCrumb projectId={project.id} />}
      />
      {children}
    </>
  );
}
