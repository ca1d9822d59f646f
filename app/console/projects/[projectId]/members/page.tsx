import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { MembersTable } from "@/components/console/workspaces/members-table";
import { listProjectMembers } from "@/lib/projects";
import { loadConsoleProject } from "@/app/_lib/project-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadConsoleProject((await params).projectId);
  return { title: `${(await getTranslations("console.members"))("title")} · ${project.name}` };
}

/** Who can work on the project: the members of its workspace, with their roles. */
export default async function MembersPage({ params }: Props) {
  const { access, project, workspace } = await loadConsoleProject((await params).projectId);
  const [members, t] = await Promise.all([listProjectMembers(access, project.id), getTranslations("console")]);
  return (
    <Card aria-labelledby="members-title">
      <CardHeader
        titleId="members-title"
        title={t("members.title")}
        description={t("members.description", { workspace: workspace.name })}
        actions={<Link href={`/console/workspaces/${workspace.id}/members`} className={buttonClasses("secondary", "sm")}>{t("members.manage")}</Link>}
      />
      <MembersTable members={members} />
    </Card>
  );
}
