import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { InviteForm } from "@/components/console/workspaces/invite-form";
import { MembersTable } from "@/components/console/workspaces/members-table";
import { PendingInvites } from "@/components/console/workspaces/pending-invites";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/access";
import { getWorkspace, INVITE_TTL_DAYS, listWorkspaceInvites, listWorkspaceMembers } from "@/lib/workspaces";
import { currentConsoleAccess, currentConsoleUser } from "@/app/_lib/console-auth";
import { loadOrNotFound } from "@/app/_lib/domain-errors";
import { inviteMemberAction, resendInviteAction, revokeInviteAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ workspaceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await currentConsoleAccess();
  const workspace = await loadOrNotFound(async () => getWorkspace(access, (await params).workspaceId));
  return { title: `${(await getTranslations("console.workspaceMembers"))("title")} · ${workspace.name}` };
}

/** The workspace's members and pending invitations; owners and admins invite, resend and revoke. */
export default async function WorkspaceMembersPage({ params }: Props) {
  const { workspaceId } = await params;
  const access = await currentConsoleAccess();
  const workspace = await loadOrNotFound(() => getWorkspace(access, workspaceId));
  const [members, invites, user, t] = await Promise.all([
    listWorkspaceMembers(access, workspace.id), listWorkspaceInvites(access, workspace.id), currentConsoleUser(), getTranslations("console"),
  ]);
  const manage = can(access, workspace.id, "manage");
  // Only owners hand out the owner role (lib/workspaces/members.ts).
  const roles = workspace.role === "owner" ? (["viewer", "developer", "admin", "owner"] as const) : (["viewer", "developer", "admin"] as const);

  return (
    <>
      <PageHeader
        title={t("workspaceMembers.title")}
        breadcrumbLabel={t("shell.breadcrumb")}
        crumbs={[
          { href: "/console", label: t("workspaces.title") },
          { href: `/console/workspaces/${workspace.id}`, label: workspace.name },
          { label: t("workspaceMembers.title") },
        ]}
      />
      <div className="space-y-6">
        {manage ? (
          <Card aria-labelledby="invite-title">
            <CardHeader titleId="invite-title" title={t("invites.createTitle")} description={t("invites.createDescription", { days: INVITE_TTL_DAYS })} />
            <CardBody>
              <InviteForm action={inviteMemberAction.bind(null, workspace.id)} roles={roles} />
            </CardBody>
          </Card>
        ) : null}
        <Card aria-labelledby="pending-title">
          <CardHeader titleId="pending-title" title={t("invites.pendingTitle")} description={manage ? t("invites.pendingDescription") : t("invites.manageOnly")} />
          <PendingInvites
            invites={invites}
            manage={manage ? { resend: resendInviteAction.bind(null, workspace.id), revoke: revokeInviteAction.bind(null, workspace.id) } : undefined}
          />
        </Card>
        <Card aria-labelledby="members-title">
          <CardHeader titleId="members-title" title={t("workspaceMembers.title")} description={t("workspaceMembers.description", { workspace: workspace.name })} />
          <MembersTable members={members} currentUserId={user?.id} />
        </Card>
      </div>
    </>
  );
}
