import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { FormState } from "@/app/_lib/form-state";
import type { InviteLink } from "@/app/console/workspaces/[workspaceId]/members/actions";
import type { InviteEmailStatus, WorkspaceInviteView } from "@/lib/workspaces";
import { Icon } from "../icons";
import { InviteActions } from "./invite-actions";

const deliveryTone: Record<InviteEmailStatus, BadgeTone> = { sent: "success", queued: "neutral", held: "warning", failed: "danger", unknown: "neutral" };

export interface InviteManagement {
  resend: (state: FormState<InviteLink>, form: FormData) => Promise<FormState<InviteLink>>;
  revoke: (state: FormState<{ revoked: boolean }>, form: FormData) => Promise<FormState<{ revoked: boolean }>>;
}

/** Pending invitations: who, which role, from whom, until when, where the email is; resend/revoke for managers. */
export async function PendingInvites({ invites, manage }: { invites: WorkspaceInviteView[]; manage?: InviteManagement }) {
  const [t, format] = await Promise.all([getTranslations("console"), getFormatter()]);
  if (invites.length === 0) {
    return <EmptyState icon={<Icon name="users" className="h-10 w-10" />} title={t("invites.emptyTitle")} description={t("invites.emptyDescription")} />;
  }
  return (
    <Table label={t("invites.pendingTitle")} data-testid="pending-invites">
      <THead>
        <tr>
          <Th>{t("invites.columns.email")}</Th>
          <Th>{t("invites.columns.role")}</Th>
          <Th>{t("invites.columns.invitedBy")}</Th>
          <Th>{t("invites.columns.expires")}</Th>
          <Th>{t("invites.columns.delivery")}</Th>
          {manage ? <Th><span className="sr-only">{t("invites.columns.actions")}</span></Th> : null}
        </tr>
      </THead>
      <TBody>
        {invites.map((invite) => (
          <tr key={invite.id}>
            <Td className="break-all font-medium">{invite.email}</Td>
            <Td><Badge tone={invite.role === "owner" ? "info" : "neutral"}>{t(`roles.${invite.role}`)}</Badge></Td>
            <Td className="text-slate-700 dark:text-slate-300">{invite.invitedBy?.name || invite.invitedBy?.email || t("invites.unknownInviter")}</Td>
            <Td className="whitespace-nowrap">
              {invite.expired ? (
                <Badge tone="danger">{t("invites.expired")}</Badge>
              ) : (
                <time dateTime={invite.expiresAt.toISOString()} title={format.dateTime(invite.expiresAt, { dateStyle: "full", timeStyle: "short" })} className="text-slate-700 dark:text-slate-300">
                  {format.dateTime(invite.expiresAt, { dateStyle: "medium" })}
                </time>
              )}
            </Td>
            <Td className="whitespace-nowrap"><Badge tone={deliveryTone[invite.emailStatus]}>{t(`invites.delivery.${invite.emailStatus}`)}</Badge></Td>
            {manage ? (
              <Td className="text-right">
                <InviteActions inviteId={invite.id} email={invite.email} resend={manage.resend} revoke={manage.revoke} />
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
