import { newId } from "@/lib/core/ids";
import type { CourierMessage, Prisma } from "@/lib/db/generated/client";
import { renderSms, renderTemplate, type TemplateData } from "./templates/render";
import type { TemplateType } from "./templates/strings";

export interface EnqueueEmailInput {
  recipient: string;
  templateType: TemplateType;
  data: TemplateData;
  /** BCP 47 tag of the recipient's language (ui_locales / Accept-Language / identity metadata). */
  locale?: string;
}

/** A project-scoped client, or any transaction client (the row names its project itself). */
type CourierWriter = { courierMessage: { create(args: { data: Prisma.CourierMessageUncheckedCreateInput }): PromiseLike<CourierMessage> } };

/**
 * Persists a rendered email as `queued`. Delivery happens from the queue (deliverPending / the worker), so a
 * message is never lost: without SMTP configured it stays queued and visible through the admin API.
 * Pass the transaction client to commit the message together with the change that caused it.
 */
export async function enqueueEmail(db: CourierWriter, projectId: string, input: EnqueueEmailInput, now = new Date()) {
  const rendered = renderTemplate(input.templateType, input.data, input.locale);
  return db.courierMessage.create({
    data: {
      projectId,
      id: newId(),
      type: "email",
      status: "queued",
      recipient: input.recipient,
      subject: rendered.subject,
      body: rendered.text,
      htmlBody: rendered.html,
      templateType: input.templateType,
      locale: rendered.locale,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}

/**
 * Persists a text message (`type: sms`) as `queued`; the worker posts it to the project's `sms` HTTP channel
 * (Kratos' `courier.channels`), and keeps it queued while none is configured.
 */
export async function enqueueSms(db: CourierWriter, projectId: string, input: EnqueueEmailInput, now = new Date()) {
  const rendered = renderSms(input.templateType, input.data, input.locale);
  return db.courierMessage.create({
    data: {
      projectId,
      id: newId(),
      type: "sms",
      status: "queued",
      recipient: input.recipient,
      subject: "",
      body: rendered.text,
      htmlBody: "",
      templateType: input.templateType,
      locale: rendered.locale,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
