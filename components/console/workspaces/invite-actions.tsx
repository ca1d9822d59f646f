"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import type { FormState } from "@/app/_lib/form-state";
import type { InviteLink } from "@/app/console/workspaces/[workspaceId]/members/actions";
import { InviteLinkDialog } from "./invite-link-dialog";

type ResendAction = (state: FormState<InviteLink>, form: FormData) => Promise<FormState<InviteLink>>;
type RevokeAction = (state: FormState<{ revoked: boolean }>, form: FormData) => Promise<FormState<{ revoked: boolean }>>;

const withId = (inviteId: string) => {
  const form = new FormData();
  form.set("inviteId", inviteId);
  return form;
};

/** Resend (a new link, shown once) and revoke (with confirmation) for one pending invitation. */
export function InviteActions({ inviteId, email, resend, revoke }: { inviteId: string; email: string; resend: ResendAction; revoke: RevokeAction }) {
  const t = useTranslations("console.invites");
  const te = useTranslations("errors");
  const toast = useToast();
  const [link, setLink] = useState<InviteLink | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  const run = (then: () => Promise<void>) => {
    setError(undefined);
    startTransition(then);
  };
  const onResend = () => run(async () => {
    const state = await resend({}, withId(inviteId));
    if (state.result) setLink(state.result);
    else setError(state.formError ?? "invalid");
  });
  const onRevoke = () => run(async () => {
    const state = await revoke({}, withId(inviteId));
    if (state.result?.revoked) {
      setConfirming(false);
      toast.show(t("revoked", { email }));
      document.getElementById("main")?.focus();
    } else {
      setError(state.formError ?? "invalid");
    }
  });

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onResend} disabled={pending} aria-disabled={pending || undefined} aria-label={t("resendNamed", { email })}>
          {pending && !confirming ? t("resending") : t("resend")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => { setError(undefined); setConfirming(true); }} aria-label={t("revokeNamed", { email })}>
          {t("revoke")}
        </Button>
      </div>
      {!confirming && error ? <FormError message={te(error)} /> : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} tone="danger" title={t("revokeTitle", { email })} description={t("revokeDescription")}>
        <div className="space-y-4">
          <FormError message={error ? te(error) : undefined} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setConfirming(false)} data-autofocus>
              {t("cancel")}
            </Button>
            <Button variant="danger" onClick={onRevoke} disabled={pending} aria-disabled={pending || undefined}>
              {pending ? t("revoking") : t("confirmRevoke")}
            </Button>
          </div>
        </div>
      </Dialog>
      {link ? <InviteLinkDialog invite={link} onClose={() => setLink(undefined)} /> : null}
    </div>
  );
}
