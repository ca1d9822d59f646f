import { newId } from "@/lib/core/ids";
import { platformDb, type ProjectDb } from "@/lib/db";
import { nextAttemptDelayMs } from "@/lib/courier/backoff";
import type { PreparedRequest } from "./request";
import { sendRequest } from "./request";

const MAX_ATTEMPTS = 8;

/** Persists an asynchronous hook call; it is delivered (and retried with backoff) from the queue. */
export async function enqueueDelivery(db: ProjectDb, projectId: string, input: { flow: string; phase: string; request: PreparedRequest; now: Date }) {
  return db.webhookDelivery.create({
    data: {
      projectId,
      id: newId(),
      flow: input.flow,
      phase: input.phase,
      url: input.request.url,
      method: input.request.method,
      headers: input.request.headers,
      body: input.request.body,
      nextAttemptAt: input.now,
      createdAt: input.now,
    },
  });
}

interface DueDelivery {
  project_id: string;
  id: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  attempts: number;
}

/** Delivers due webhook calls once each (claimed with SKIP LOCKED); 2xx is done, anything else retried, then failed. */
export async function deliverWebhooks(now: Date = new Date(), limit = 50): Promise<{ delivered: number; retried: number; failed: number }> {
  const db = await platformDb();
  const due = await db.$queryRaw<DueDelivery[]>`
    UPDATE webhook_deliveries AS w SET status = 'processing', updated_at = ${now}
    FROM (SELECT project_id, id FROM webhook_deliveries
          WHERE (status = 'queued' AND next_attempt_at <= ${now}) OR (status = 'processing' AND updated_at < ${new Date(now.getTime() - 300_000)})
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) AS d
    WHERE w.project_id = d.project_id AND w.id = d.id
    RETURNING w.project_id, w.id, w.url, w.method, w.headers, w.body, w.attempts`;
  const report = { delivered: 0, retried: 0, failed: 0 };
  for (const delivery of due) {
    const attempts = delivery.attempts + 1;
    let status = 0;
    let error = "";
    try {
      status = (await sendRequest({ url: delivery.url, method: delivery.method, headers: delivery.headers, body: delivery.body }, 10_000)).status;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const done = !error;
    const final = done || attempts >= MAX_ATTEMPTS;
    await db.webhookDelivery.update({
      where: { projectId_id: { projectId: delivery.project_id, id: delivery.id } },
      data: {
        status: done ? "delivered" : final ? "failed" : "queued",
        attempts,
        lastError: error,
        responseCode: status || null,
        nextAttemptAt: final ? now : new Date(now.getTime() + nextAttemptDelayMs(attempts)),
        // Credentials in headers are not kept once the delivery is final.
        ...(final ? { headers: {} } : {}),
        updatedAt: now,
      },
    });
    if (done) report.delivered++;
    else if (final) report.failed++;
    else report.retried++;
  }
  return report;
}
