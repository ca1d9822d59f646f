import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
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
  const [members, t, format] = await Promise.all([listProjectMembers(access, project.id), getTranslations("console"), getFormatter()]);
  return (
    <Card aria-labelledby="members-title">
      <CardHeader
        titleId="members-title"
        title={t("members.title")}
        description={t("members.description", { workspace: workspace.name })}
        actions={<Link href={`/console/workspaces/${workspace.id}/members`} className={buttonClasses("secondary", "sm")}>{t("members.manage")}</Link>}
      />
      <Table label={t("members.title")}>
        <THead>
          <tr>
            <Th>{t("members.columns.name")}</Th>
            <Th>{t("members.columns.email")}</Th>
            <Th>{t("members.columns.role")}</Th>
            <Th>{t("members.columns.since")}</Th>
          </tr>
        </THead>
        <TBody>
          {members.map((member) => (
            <tr key={member.userId}>
              <Td className="font-medium">{member.name || "—"}</Td>
              <Td>{member.email}</Td>
              <Td><Badge tone={member.role === "owner" ? "info" : "neutral"}>{t(`roles.${member.role}`)}</Badge></Td>
              <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{format.dateTime(member.since, { dateStyle: "medium" })}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
