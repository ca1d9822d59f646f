"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ClientSaved } from "@/app/console/projects/[projectId]/oauth2/clients/actions";
import type { OAuth2FormState } from "@/app/console/projects/[projectId]/oauth2/errors";
import { ConfirmButton } from "./confirm-button";
import { SecretDialog } from "./secret-dialog";

interface Props {
  clientId: string;
  name: string;
  hasSecret: boolean;
  rotate: () => Promise<OAuth2FormState<ClientSaved>>;
  remove: () => Promise<OAuth2FormState>;
}

/** Rotate the secret (the new one shown once; the old one works for another hour) and delete with confirmation. */
export function ClientActions({ clientId, name, hasSecret, rotate, remove }: Props) {
  const t = useTranslations("oauth2Console.client");
  const [secret, setSecret] = useState<string | undefined>();
  return (
    <>
      {hasSecret ? (
        <ConfirmButton
          action={rotate}
          tone="default"
          label={t("rotate")}
          title={t("rotateTitle", { name })}
          description={t("rotateDescription")}
          confirmLabel={t("rotateConfirm")}
          pendingLabel={t("rotating")}
          onDone={(result) => setSecret(result.secret)}
          testId="rotate-secret"
        />
      ) : null}
      <ConfirmButton
        action={remove}
        label={t("delete")}
        title={t("deleteTitle", { name })}
        description={t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        pendingLabel={t("deleting")}
        testId="delete-client"
      />
      {secret ? <SecretDialog title={t("rotatedTitle")} clientId={clientId} secret={secret} onClose={() => setSecret(undefined)} /> : null}
    </>
  );
}
