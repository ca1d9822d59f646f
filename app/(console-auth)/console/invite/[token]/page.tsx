import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/console/auth-frame";
import { AcceptForm } from "@/components/console/invite/accept-form";
import { InvitationSummary } from "@/components/console/invite/invitation-summary";
import { NewAccountForm } from "@/components/console/invite/new-account-form";
import { buttonClasses } from "@/components/ui/button";
import { consoleSignInUrl } from "@/lib/console/sign-in-urls";
import { findInvitation, INVITE_TTL_DAYS, invitationNeedsSignIn, type InvitationView } from "@/lib/workspaces";
import { currentConsoleUser } from "@/app/_lib/console-auth";
import { acceptInvitationAction, acceptWithNewAccountAction, signOutForInvitationAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// The token is in the path: no Referer carries it to another site, and no index keeps it.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.invitation"))("details"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

const note = "text-sm text-slate-700 dark:text-slate-300";

/**
 * An invitation link: shows the workspace and role, then, depending on who opens it, accept (signed in with the
 * invited address), sign out first (signed in as someone else), sign in (the address has an account) or make an
 * account. Used, revoked, expired and unknown links get a page saying so.
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [invitation, user, t] = await Promise.all([findInvitation(token), currentConsoleUser(), getTranslations("console.invitation")]);
  if (invitation?.status === "accepted" && user && invitation.acceptedById === user.id) redirect(`/console/workspaces/${invitation.workspaceId}`);
  if (!invitation) return <Unusable status="not_found" />;
  if (invitation.status !== "pending") return <Unusable status={invitation.status} />;

  const subtitle = invitation.inviter ? t("subtitle", { inviter: invitation.inviter }) : t("subtitleNoInviter");
  return (
    <AuthFrame title={t("title", { workspace: invitation.workspaceName })} subtitle={subtitle}>
      <InvitationSummary invitation={invitation} />
      <Next invitation={invitation} token={token} user={user} />
    </AuthFrame>
  );
}

async function Next({ invitation, token, user }: { invitation: InvitationView; token: string; user: Awaited<ReturnType<typeof currentConsoleUser>> }) {
  const t = await getTranslations("console.invitation");
  if (user && user.email.toLowerCase() === invitation.email) {
    return (
      <div className="space-y-4">
        <p className={note}>{t("signedInAs", { email: user.email })}</p>
        <AcceptForm action={acceptInvitationAction.bind(null, token)} />
      </div>
    );
  }
  if (user) {
    return (
      <div className="space-y-4">
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {t("mismatch", { invited: invitation.email, current: user.email })}
        </p>
        <form action={signOutForInvitationAction.bind(null, token)}>
          <button type="submit" className={buttonClasses("primary", "md", "w-full")}>{t("signOutAndContinue")}</button>
        </form>
      </div>
    );
  }
  if (await invitationNeedsSignIn(invitation.email)) {
    return (
      <div className="space-y-4">
        <p className={note}>{t("existingAccount", { email: invitation.email })}</p>
        {/* A plain anchor: the hosted login is another part of the app; it comes back here through the handoff. */}
        <a href={consoleSignInUrl(`/console/invite/${token}`)} className={buttonClasses("primary", "md", "w-full")}>{t("signInToAccept")}</a>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className={note}>{t("newAccount", { email: invitation.email })}</p>
      <NewAccountForm action={acceptWithNewAccountAction.bind(null, token)} email={invitation.email} />
    </div>
  );
}

async function Unusable({ status }: { status: "not_found" | "accepted" | "revoked" | "expired" }) {
  const t = await getTranslations("console.invitation");
  return (
    <AuthFrame title={t(`unusable.${status}.title`)}>
      <p role="alert" className={note}>{t(`unusable.${status}.description`, { days: INVITE_TTL_DAYS })}</p>
      <a href="/console" className={buttonClasses("secondary", "md", "mt-4 w-full")}>{t("goToConsole")}</a>
    </AuthFrame>
  );
}
