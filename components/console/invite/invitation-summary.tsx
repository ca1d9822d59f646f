import { getFormatter, getTranslations } from "next-intl/server";
import type { InvitationView } from "@/lib/workspaces";

/** What the invitation is for: the invited address, the role and how long the link works. */
export async function InvitationSummary({ invitation }: { invitation: InvitationView }) {
  const [t, format] = await Promise.all([getTranslations("console"), getFormatter()]);
  const rows: [string, string][] = [
    [t("invitation.invitedEmail"), invitation.email],
    [t("invitation.role"), t(`roles.${invitation.role}`)],
    [t("invitation.validUntil"), format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" })],
  ];
  return (
    <section aria-label={t("invitation.details")} className="mb-5 rounded-md border border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-950">
      <dl className="grid gap-y-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4 sm:gap-y-2">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="mb-1 min-w-0 break-words font-medium sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
