import { newId } from "@/lib/core/ids";
import { platformDb } from "@/lib/db";
import { nextAttemptDelayMs } from "./backoff";
import { courierSettings, type CourierSettings } from "./settings";
import { transportFor } from "./smtp";
import { sendOverHttp } from "./http/send";

interface ClaimedMessage {
  project_id: string;
  id: string;
  recipient: string;
  subject: string;
  body: string;
  html_body: string;
  send_count: number;
  type: string;
  template_type: string;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  abandoned: number;
  /** Due messages left queued because their project has no SMTP server (or, for SMS, no `sms` channel) configured. */
  held: number;
}

/** A message processing for longer than this is considered orphaned by a crashed instance and claimed again. */
const STALE_PROCESSING_MS = 5 * 60_000;
/** Without SMTP, look again after this long (the message stays queued and visible meanwhile). */
const NO_SMTP_RECHECK_MS = 60_000;

/**
 * Claims due messages (`FOR UPDATE SKIP LOCKED`, so instances never send the same message twice) and marks them
 * `processing` in one statement.
 */
async function claimDue(now: Date, limit: number): Promise<ClaimedMessage[]> {
  const db = await platformDb();
  const stale = new Date(now.getTime() - STALE_PROCESSING_MS);
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE courier_messages AS m SET status = 'processing', updated_at = ${now}
    FROM (
      SELECT project_id, id FROM courier_messages
      WHERE (status = 'queued' AND next_attempt_at <= ${now}) OR (status = 'processing' AND updated_at < ${stale})
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE m.project_id = due.project_id AND m.id = due.id
    RETURNING m.project_id, m.id, m.recipient, m.subject, m.body, m.html_body, m.send_count, m.type, m.template_type`;
}

async function settingsFor(projectId: string, cache: Map<string, CourierSettings | null>) {
  if (!cache.has(projectId)) {
    const db = await platformDb();
    const project = await db.project.findUnique({ where: { id: projectId }, select: { config: true, name: true, state: true } });
    cache.set(projectId, project && project.state !== "deleted" ? courierSettings(project.config, project.name) : null);
  }
  return cache.get(projectId) ?? null;
}

async function record(message: ClaimedMessage, now: Date, outcome: { status: "sent" | "queued" | "abandoned"; sendCount: number; nextAttemptAt?: Date; error?: string }) {
  const db = await platformDb();
  const key = { projectId_id: { projectId: message.project_id, id: message.id } };
  await db.$transaction([
    db.courierMessage.update({
      where: key,
      data: { status: outcome.status, sendCount: outcome.sendCount, updatedAt: now, ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}) },
    }),
    db.courierDispatch.create({
      data: {
        projectId: message.project_id,
        id: newId(),
        messageId: message.id,
        status: outcome.status === "sent" ? "success" : "failed",
        error: outcome.error ? { message: outcome.error } : undefined,
        createdAt: now,
      },
    }),
  ]);
}

/** Sends one message on its channel: SMS to the project's `sms` HTTP channel, email over SMTP. */
async function send(message: ClaimedMessage, settings: CourierSettings): Promise<void> {
  if (message.type === "sms") {
    await sendOverHttp(settings.sms!, { recipient: message.recipient, body: message.body, template_type: message.template_type, message_type: "sms" });
    return;
  }
  await transportFor(settings.connectionUri!).sendMail({
    from: { name: settings.fromName, address: settings.fromAddress },
    to: message.recipient,
    subject: message.subject,
    text: message.body,
    html: message.html_body || undefined,
    headers: settings.headers,
  });
}

async function deliverOne(message: ClaimedMessage, settings: CourierSettings, now: Date, report: DeliveryReport) {
  const sendCount = message.send_count + 1;
  try {
    await send(message, settings);
    await record(message, now, { status: "sent", sendCount });
    report.sent++;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (sendCount > settings.maxRetries) {
      await record(message, now, { status: "abandoned", sendCount, error: reason });
      report.abandoned++;
    } else {
      const nextAttemptAt = new Date(now.getTime() + nextAttemptDelayMs(sendCount));
      await record(message, now, { status: "queued", sendCount, nextAttemptAt, error: reason });
      report.failed++;
    }
  }
}

/** Sends every due message once. Failed sends are retried with exponential backoff until `message_retries`. */
export async function deliverPending(now: Date = new Date(), limit = 50): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, abandoned: 0, held: 0 };
  const claimed = await claimDue(now, limit);
  const cache = new Map<string, CourierSettings | null>();
  const db = await platformDb();
  for (const message of claimed) {
    const settings = await settingsFor(message.project_id, cache);
    if (!settings || !(message.type === "sms" ? settings.sms : settings.connectionUri)) {
      await db.courierMessage.update({
        where: { projectId_id: { projectId: message.project_id, id: message.id } },
        data: { status: "queued", nextAttemptAt: new Date(now.getTime() + NO_SMTP_RECHECK_MS), updatedAt: now },
      });
      report.held++;
      continue;
    }
    await deliverOne(message, settings, now, report);
  }
  return report;
}
