import { z } from "zod";
import { badRequest, notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import type { ProjectDb } from "@/lib/db";
import type { CourierDispatch, CourierMessage } from "@/lib/db/generated/client";

/** Ory's `message` object (Kratos courier). */
export function toOryMessage(message: CourierMessage, dispatches?: CourierDispatch[]) {
  return {
    id: message.id,
    status: message.status,
    type: message.type,
    channel: message.type,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body,
    template_type: message.templateType,
    send_count: message.sendCount,
    created_at: message.createdAt.toISOString(),
    updated_at: message.updatedAt.toISOString(),
    ...(dispatches
      ? {
          dispatches: dispatches.map((d) => ({
            id: d.id,
            message_id: d.messageId,
            status: d.status,
            ...(d.error ? { error: d.error } : {}),
            created_at: d.createdAt.toISOString(),
            updated_at: d.updatedAt.toISOString(),
          })),
        }
      : {}),
  };
}
export type OryMessage = ReturnType<typeof toOryMessage>;

export const listMessagesQuery = z.object({
  page_size: z.coerce.number().int().min(1).max(1000).default(250),
  page_token: z.string().max(200).optional(),
  status: z.enum(["queued", "sent", "processing", "abandoned"]).optional(),
  recipient: z.string().max(320).optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

interface Cursor { t: string; id: string }

const encodeCursor = (m: CourierMessage) => Buffer.from(JSON.stringify({ t: m.createdAt.toISOString(), id: m.id })).toString("base64url");

function decodeCursor(token: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Cursor;
    if (typeof cursor.t === "string" && !Number.isNaN(Date.parse(cursor.t)) && isUuid(cursor.id)) return cursor;
  } catch {
    // fall through
  }
  throw badRequest("The page token is invalid.", { id: "invalid_page_token" });
}

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while messages arrive. */
export async function listMessages(db: ProjectDb, query: ListMessagesQuery) {
  const cursor = query.page_token ? decodeCursor(query.page_token) : undefined;
  const rows = await db.courierMessage.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      ...(query.recipient ? { recipient: query.recipient } : {}),
      ...(cursor
        ? { OR: [{ createdAt: { lt: new Date(cursor.t) } }, { createdAt: new Date(cursor.t), id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.page_size + 1,
  });
  const page = rows.slice(0, query.page_size);
  const nextToken = rows.length > query.page_size ? encodeCursor(page[page.length - 1]) : undefined;
  return { messages: page.map((m) => toOryMessage(m)), nextToken };
}

export async function getMessage(db: ProjectDb, id: string) {
  const message = isUuid(id) ? await db.courierMessage.findFirst({ where: { id } }) : null;
  if (!message) throw notFound("The requested courier message does not exist.");
  const dispatches = await db.courierDispatch.findMany({ where: { messageId: id }, orderBy: { createdAt: "asc" } });
  return toOryMessage(message, dispatches);
}
