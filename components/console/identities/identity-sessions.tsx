import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { SessionRecord } from "@/lib/sessions";
import { devicesOf, methodsOf } from "@/lib/sessions/record";
import { summarizeUserAgent } from "@/lib/sessions/user-agent";
import { ConfirmActionButton } from "./confirm-action-button";
import type { IdentityFormState } from "@/app/console/projects/[projectId]/identities/actions";

type Revoke = (sessionId: string) => Promise<IdentityFormState>;

/** The identity's sessions (newest first) with revoke per session and for all. */
export async function IdentitySessions({ sessions, revoke, now }: { sessions: SessionRecord[]; revoke: Revoke; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("identities.sessions"), getFormatter()]);
  // "Firefox on macOS" from the User-Agent; the raw string stays in the cell's title.
  const deviceName = (userAgent: string | undefined) => {
    const { browser, os } = summarizeUserAgent(userAgent);
    if (browser && os) return t("deviceOn", { browser, os });
    return browser ?? os ?? (userAgent || "—");
  };
  const active = sessions.filter((session) => session.active && session.expiresAt > now);
  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader
        titleId="sessions-title"
        title={t("title")}
        description={t("description", { count: active.length })}
        actions={
          active.length > 0 ? (
            <ConfirmActionButton
              action={revoke.bind(null, "all")}
              label={t("revokeAll")}
              title={t("revokeAllTitle")}
              description={t("revokeAllDescription")}
              confirmLabel={t("revokeAll")}
              pendingLabel={t("revoking")}
              doneMessage={t("revokedAll")}
              testId="revoke-all-sessions"
            />
          ) : null
        }
      />
      {sessions.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("title")} data-testid="sessions-table">
          <THead>
            <tr>
              <Th>{t("columns.authenticated")}</Th>
              <Th>{t("columns.expires")}</Th>
              <Th>{t("columns.methods")}</Th>
              <Th>{t("columns.device")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th><span className="sr-only">{t("columns.actions")}</span></Th>
            </tr>
          </THead>
          <TBody>
            {sessions.map((session) => {
              const live = session.active && session.expiresAt > now;
              const device = devicesOf(session)[0];
              return (
                <tr key={session.id}>
                  <Td className="whitespace-nowrap">{format.dateTime(session.authenticatedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="whitespace-nowrap">{format.dateTime(session.expiresAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td>
                    {[...new Set(methodsOf(session).map((m) => m.method))].join(", ") || "—"} <span className="text-xs text-slate-500">({session.aal})</span>
                  </Td>
                  <Td className="max-w-56 text-xs text-slate-600 dark:text-slate-400" title={device?.user_agent}>
                    {device ? (
                      <>
                        <span className="block truncate font-medium text-slate-800 dark:text-slate-200" data-testid="session-device">{deviceName(device.user_agent)}</span>
                        <span className="block truncate">{device.ip_address || "—"}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td>
                    <Badge tone={live ? "success" : "neutral"}>{live ? t("active") : t("inactive")}</Badge>
                  </Td>
                  <Td className="text-right">
                    {live ? (
                      <ConfirmActionButton
                        action={revoke.bind(null, session.id)}
                        label={t("revoke")}
                        ariaLabel={t("revokeNamed", { date: format.dateTime(session.authenticatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                        title={t("revokeTitle")}
                        description={t("revokeDescription")}
                        confirmLabel={t("revoke")}
                        pendingLabel={t("revoking")}
                        doneMessage={t("revoked")}
                      />
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
