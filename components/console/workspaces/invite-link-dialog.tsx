"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { InviteLink } from "@/app/console/workspaces/[workspaceId]/members/actions";
import { Icon } from "../icons";
import { SecretField } from "../secret-field";

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
        <div role="note" className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <Icon name="warning" className="h-5 w-5 shrink-0" />
          <p>{t("invites.onceWarning", { email: invite.email, role, date })}</p>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="invite-link" className="block text-sm font-medium">
            {t("invites.linkLabel")}
          </label>
          <SecretField id="invite-link" value={invite.link} copyLabel={t("invites.copyLink")} />
        </div>
        <div className="flex justify-end">
          <form method="dialog">
            <Button type="submit" variant="primary">
              {t("invites.done")}
            </Button>
          </form>
        </div>
      </div>
    </Dialog>
  );
}
