import { randomUUID } from "node:crypto";
import { badRequest, conflict, notFound } from "@/lib/core/errors";
import { auditChange, type AuditedScope } from "@/lib/keys";
import type { Prisma } from "@/lib/db/generated/client";
import { parseDuration } from "../duration";
import { evictTokens } from "../tokens/store";
import { applyPatch, type jsonPatchSchema } from "./patch";
import { presentClient } from "./present";
import { clientInputSchema, lifespansSchema, type ClientDocument, type ClientInput } from "./schema";
import { generateClientSecret, hashClientSecret } from "./secrets";
import { findClient, forgetClient, toRecord, type ClientRecord } from "./store";
import { buildClientDocument, needsSecret } from "./validate";
import type { z } from "zod";

const missing = (id: string) => notFound(`The OAuth 2.0 client ${id} does not exist.`, { id: "client_not_found" });

export async function getClient(scope: AuditedScope, id: string): Promise<ClientRecord> {
  const record = await findClient(scope, id);
  if (!record) throw missing(id);
  return record;
}

/** Hydra's createOAuth2Client: a generated id (unless given) and, for secret-based methods, a generated secret shown once. */
export async function createClient(scope: AuditedScope, input: ClientInput) {
  const id = input.client_id ?? randomUUID();
  const doc = buildClientDocument(id, input);
  const secret = needsSecret(doc) ? (input.client_secret ?? generateClientSecret()) : undefined;
  const data = { projectId: scope.project.id, id, document: doc as unknown as Prisma.InputJsonValue, secretHash: secret ? await hashClientSecret(secret) : null, createdAt: scope.now, updatedAt: scope.now };
  const row = await scope.db.$transaction(async (tx) => {
    if (await tx.oAuth2Client.findUnique({ where: { projectId_id: { projectId: scope.project.id, id } } })) {
      throw conflict(`An OAuth 2.0 client with id ${id} already exists.`, { id: "client_exists" });
    }
    const created = await tx.oAuth2Client.create({ data });
    await auditChange(scope, tx, "oauth2.client.created", "oauth2_client", id, { auth_method: doc.token_endpoint_auth_method, grant_types: doc.grant_types });
    return created;
  });
  forgetClient(scope.project.id, id);
  return presentClient(toRecord(row), undefined, secret);
}

async function writeDocument(scope: AuditedScope, current: ClientRecord, doc: ClientDocument, newSecret: string | undefined, action: string) {
  const keepSecret = needsSecret(doc);
  const secret = keepSecret && !current.secretHash && !newSecret ? generateClientSecret() : newSecret;
  const row = await scope.db.$transaction(async (tx) => {
    const updated = await tx.oAuth2Client.update({
      where: { projectId_id: { projectId: scope.project.id, id: doc.client_id } },
      data: {
        document: doc as unknown as Prisma.InputJsonValue,
        updatedAt: scope.now,
        ...(!keepSecret ? { secretHash: null, previousSecretHash: null, previousSecretExpiresAt: null } : secret ? { secretHash: await hashClientSecret(secret) } : {}),
      },
    });
    await auditChange(scope, tx, action, "oauth2_client", doc.client_id, { secret_changed: Boolean(secret) });
    return updated;
  });
  forgetClient(scope.project.id, doc.client_id);
  return presentClient(toRecord(row), undefined, secret);
}

/** Hydra's setOAuth2Client (PUT): replaces the client; the secret stays unless a new one is given. */
export async function replaceClient(scope: AuditedScope, id: string, input: ClientInput) {
  const current = await getClient(scope, id);
  const doc = buildClientDocument(id, { ...input, client_id: id });
  return writeDocument(scope, current, doc, input.client_secret, "oauth2.client.updated");
}

/** Hydra's patchOAuth2Client: RFC 6902 against the client's JSON; the result is validated like a PUT. */
export async function patchClient(scope: AuditedScope, id: string, patch: z.infer<typeof jsonPatchSchema>) {
  const current = await getClient(scope, id);
  const patched = applyPatch(presentClient(current), patch);
  const input = clientInputSchema.parse({ ...patched, client_id: id });
  const doc = buildClientDocument(id, input);
  const secretChanged = patch.some((op) => op.path === "/client_secret" && op.op !== "remove");
  return writeDocument(scope, current, doc, secretChanged ? input.client_secret : undefined, "oauth2.client.patched");
}

/** Hydra's setOAuth2ClientLifespans. */
export async function setClientLifespans(scope: AuditedScope, id: string, lifespans: z.infer<typeof lifespansSchema>) {
  const current = await getClient(scope, id);
  const next: ClientDocument["lifespans"] = {};
  for (const [field, value] of Object.entries(lifespans)) if (value && parseDuration(value) !== undefined) next[field as keyof typeof next] = value;
  return writeDocument(scope, current, { ...current.doc, lifespans: next }, undefined, "oauth2.client.lifespans_updated");
}

/**
 * Our addition: rotates the secret. The new secret is returned once; the previous one keeps working for
 * `gracePeriodMs` so deployments can roll over without downtime.
 */
export async function rotateClientSecret(scope: AuditedScope, id: string, gracePeriodMs: number) {
  const current = await getClient(scope, id);
  if (!needsSecret(current.doc)) throw conflict(`Client ${id} authenticates with ${current.doc.token_endpoint_auth_method} and has no secret.`);
  const secret = generateClientSecret();
  const row = await scope.db.$transaction(async (tx) => {
    const updated = await tx.oAuth2Client.update({
      where: { projectId_id: { projectId: scope.project.id, id } },
      data: {
        secretHash: await hashClientSecret(secret),
        previousSecretHash: gracePeriodMs > 0 ? current.secretHash : null,
        previousSecretExpiresAt: gracePeriodMs > 0 ? new Date(scope.now.getTime() + gracePeriodMs) : null,
        updatedAt: scope.now,
      },
    });
    await auditChange(scope, tx, "oauth2.client.secret_rotated", "oauth2_client", id, { grace_period_ms: gracePeriodMs });
    return updated;
  });
  forgetClient(scope.project.id, id);
  return presentClient(toRecord(row), undefined, secret);
}

/**
 * Hydra's deleteRotatedOAuth2ClientSecrets: the previous secret stops working now. Hydra keeps every rotated
 * secret until this call; Portcullis keeps the most recent one (a second rotation replaces it).
 */
export async function deleteRotatedClientSecrets(scope: AuditedScope, id: string) {
  await getClient(scope, id);
  const row = await scope.db.$transaction(async (tx) => {
    const updated = await tx.oAuth2Client.update({
      where: { projectId_id: { projectId: scope.project.id, id } },
      data: { previousSecretHash: null, previousSecretExpiresAt: null, updatedAt: scope.now },
    });
    await auditChange(scope, tx, "oauth2.client.rotated_secrets_deleted", "oauth2_client", id, {});
    return updated;
  });
  forgetClient(scope.project.id, id);
  return presentClient(toRecord(row));
}

/** Hydra's rotateOAuth2ClientSecret keeps the old secret until deleteRotatedClientSecrets: no expiry of its own. */
export const UNTIL_DELETED_MS = 100 * 365 * 86_400_000;

/** Hydra's deleteOAuth2Client: removes the client and revokes every token it holds. */
export async function deleteClient(scope: AuditedScope, id: string): Promise<void> {
  await scope.db.$transaction(async (tx) => {
    const { count } = await tx.oAuth2Client.deleteMany({ where: { id } });
    if (count === 0) throw missing(id);
    evictTokens(scope.project.id, (row) => row.clientId === id);
    await tx.oAuth2Token.updateMany({ where: { clientId: id, revokedAt: null }, data: { revokedAt: scope.now } });
    await auditChange(scope, tx, "oauth2.client.deleted", "oauth2_client", id);
  });
  forgetClient(scope.project.id, id);
}

export interface ListClientsQuery {
  pageSize: number;
  pageToken?: string;
  clientName?: string;
  owner?: string;
}

/** Keyset pagination over (created_at, id); the token is opaque to callers. */
export async function listClients(scope: AuditedScope, query: ListClientsQuery) {
  const cursor = decodeCursor(query.pageToken);
  const rows = await scope.db.oAuth2Client.findMany({
    where: {
      ...(query.clientName ? { document: { path: ["client_name"], equals: query.clientName } } : {}),
      ...(query.owner ? { AND: [{ document: { path: ["owner"], equals: query.owner } }] } : {}),
      ...(cursor ? { OR: [{ createdAt: { gt: cursor.t } }, { createdAt: cursor.t, id: { gt: cursor.i } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.pageSize + 1,
  });
  const page = rows.slice(0, query.pageSize);
  const last = page.at(-1);
  const nextToken = rows.length > query.pageSize && last ? Buffer.from(JSON.stringify({ t: last.createdAt.toISOString(), i: last.id })).toString("base64url") : undefined;
  return { items: page.map((row) => presentClient(toRecord(row))), nextToken };
}

function decodeCursor(token: string | undefined): { t: Date; i: string } | undefined {
  if (!token) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { t: string; i: string };
    const t = new Date(parsed.t);
    if (Number.isNaN(t.getTime()) || typeof parsed.i !== "string") throw new Error();
    return { t, i: parsed.i };
  } catch {
    throw badRequest("The page token is invalid.", { id: "invalid_page_token" });
  }
}
