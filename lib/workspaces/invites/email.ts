import { enqueueEmail } from "@/lib/courier";
import type { WorkspaceRole } from "@/lib/db/generated/client";
import type { ProjectRecord } from "@/lib/projects/lookup";
import { resolveBranding } from "@/lib/branding";
import { INVITE_TTL_DAYS } from "./schema";

type CourierWriter = Parameters<typeof enqueueEmail>[0];

export interface InvitationEmail {
  recipient: string;
  workspace: string;
  inviter: string;
  role: WorkspaceRole;
  link: string;
  locale?: string;
}

/** Names in a mail header and body: control characters (CR/LF among them) become spaces. */
const oneLine = (value: string) => [...value].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? " " : c)).join("").trim();

/**
 * Queues the invitation in the platform project's courier (the console's own mail, sent through the operator's
 * COURIER_SMTP_URL). Pass the transaction client: the message commits with the invitation, and without SMTP it
 * stays queued and visible — never lost.
 */
export async function queueInvitationEmail(tx: CourierWriter, platform: ProjectRecord, email: InvitationEmail, now: Date): Promise<string> {
  const brand = resolveBranding(platform.config).display_name || platform.name;
  const message = await enqueueEmail(tx, platform.id, {
    recipient: email.recipient,
    templateType: "workspace_invitation",
    locale: email.locale,
    data: { project: brand, workspace: oneLine(email.workspace), inviter: oneLine(email.inviter), role: email.role, link: email.link, days: INVITE_TTL_DAYS },
  }, now);
  return message.id;
}
