import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { WorkspaceMemberView } from "@/lib/workspaces";

/** The workspace's members with their roles; the signed-in user is marked. */
export async function MembersTable({ members, currentUserId }: { members: WorkspaceMemberView[]; currentUserId?: string }) {
  const [t, format] = await Promise.all([getTranslations("console"), getFormatter()]);
  return (
    <Table label={t("workspaceMembers.title")} data-testid="workspace-members">
      <THead>
        <tr>
          <Th>{t("workspaceMembers.columns.name")}</Th>
          <Th>{t("workspaceMembers.columns.email")}</Th>
          <Th>{t("workspaceMembers.columns.role")}</Th>
          <Th>{t("workspaceMembers.columns.since")}</Th>
        </tr>
      </THead>
      <TBody>
        {members.map((member) => (
          <tr key={member.userId}>
            <Td className="font-medium">
              {member.name || "—"}
              {member.userId === currentUserId ? <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">({t("workspaceMembers.you")})</span> : null}
            </Td>
            <Td>{member.email}</Td>
            <Td><Badge tone={member.role === "owner" ? "info" : "neutral"}>{t(`roles.${member.role}`)}</Badge></Td>
            <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{format.dateTime(member.since, { dateStyle: "medium" })}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
