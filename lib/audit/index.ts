import { newId } from "@/lib/core/ids";
import { sanitizeJson, sanitizeText } from "@/lib/core/storable-text";
import type { Prisma } from "@/lib/db/generated/client";

export interface AuditInput {
  workspaceId?: string | null;
  projectId?: string | null;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
  ip?: string;
}

/** Anything that can create an audit row: the platform client, a project-scoped client, or their transactions. */
type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown> } };

/** Text as recorded: storable by PostgreSQL whatever the request carried, and bounded. */
const recorded = (value: string, max = 1024) => sanitizeText(value.length > max ? value.slice(0, max) : value);

/**
 * Records an audit event; pass the transaction client so the event commits with the change it describes. The record
 * never fails on what it describes: text from requests (names, identifiers) is sanitized (NUL and lone surrogates
 * become U+FFFD, which PostgreSQL's text and jsonb accept) and bounded, so an audit insert cannot roll back the change.
 */
export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      id: newId(),
      workspaceId: input.workspaceId ?? null,
      projectId: input.projectId ?? null,
      actorType: recorded(input.actorType),
      actorId: recorded(input.actorId),
      action: recorded(input.action),
      targetType: recorded(input.targetType),
      targetId: recorded(input.targetId),
      data: sanitizeJson(input.data ?? {}, 16) as object,
      ip: recorded(input.ip ?? "", 64),
    },
  });
}

export { listAuditEvents, type AuditEventView, type AuditScope, type AuditPageRequest } from "./list";
export type { AuditActorView } from "./actors";
