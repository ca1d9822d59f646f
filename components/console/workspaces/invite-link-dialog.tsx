"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { DialogDone, ShownOnceNote, LabelledSecret } from "../shown-once";
import type { InviteLink } from "@/app/console/workspaces/[workspaceId]/members/actions";

/** The invitation link, once: copy it to share it yourself (the only way in when no mail server is configured). */
export function InviteLinkDialog({ invite, onClose }: { invite: InviteLink; onClose: () => void }) {
  const t = useTranslations("console");
  const format = useFormatter();
  const role = t(`roles.${invite.role}`);
  const date = format.dateTime(new Date(invite.expiresAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <Dialog open onClose={onClose} title={t("invites.linkTitle", { email: invite.email })} initiallyOpenWithoutScript>
      <div className="space-y-4">
        <p className="text-sm" data-testid="invite-email-status">
          {invite.emailHeld ? t("invites.linkHeld", { email: invite.email }) : t("invites.linkSent", { email: invite.email })}
        </p>
        <ShownOnceNote>{t("invites.onceWarning", { email: invite.email, role, date })}</ShownOnceNote>
        <LabelledSecret id="invite-link" label={t("invites.linkLabel")} value={invite.link} copyLabel={t("invites.copyLink")} />
        <DialogDone label={t("invites.done")} />
      </div>
    </Dialog>
  );
}
