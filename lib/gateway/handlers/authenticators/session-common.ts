import { z } from "zod";
import { sessionFromToken, toOrySession } from "@/lib/sessions";
import { unauthorizedError } from "../../pipeline/errors";
import type { AuthenticatorResult, PipelineContext } from "../../pipeline/types";
import { JSON_PATH, readPath } from "./json-path";

/** `subject_from` / `extra_from` (gjson paths into Ory's session JSON), as cookie_session and bearer_token take them. */
export const sessionPathsSchema = {
  subject_from: z.string().regex(JSON_PATH, "must be a dotted path or @this").default("identity.id"),
  extra_from: z.string().regex(JSON_PATH, "must be a dotted path or @this").default("@this"),
  /** Accepted for Oathkeeper compatibility and ignored: the session is checked locally, without an HTTP hop. */
  check_session_url: z.string().max(2048).optional(),
  preserve_path: z.boolean().optional(),
  preserve_query: z.boolean().optional(),
  forward_http_headers: z.array(z.string()).optional(),
  additional_headers: z.record(z.string(), z.string()).optional(),
  force_method: z.string().optional(),
};

type Found = NonNullable<Awaited<ReturnType<typeof sessionFromToken>>>;

// The session JSON per looked-up session object: sessions' own cache hands out the same object until it is
// revoked, logged out, extended or expires, so this map never outlives a revocation.
const serialized = new WeakMap<Found["session"], Record<string, unknown>>();

/**
 * Looks a session token up in this project's sessions (cached by lib/sessions, keyed by project and the
 * token's SHA-256, invalidated on revocation and logout) and shapes subject and extra as Oathkeeper does
 * from Kratos' whoami answer.
 */
export async function authenticateSessionToken(ctx: PipelineContext, token: string, paths: { subject_from: string; extra_from: string }): Promise<AuthenticatorResult> {
  const found = await sessionFromToken({ project: ctx.project, db: await ctx.db(), now: ctx.now }, token);
  if (!found) throw unauthorizedError("The session is invalid, expired or revoked.");
  let document = serialized.get(found.session);
  if (!document) {
    document = toOrySession(found.session, found.identity, { baseUrl: ctx.baseUrl, now: ctx.now, withDevices: false }) as unknown as Record<string, unknown>;
    serialized.set(found.session, document);
  }
  const subject = readPath(document, paths.subject_from);
  if (typeof subject !== "string" || !subject) throw unauthorizedError(`The session has no subject at ${paths.subject_from}.`);
  const extra = readPath(document, paths.extra_from);
  return { subject, extra: extra && typeof extra === "object" && !Array.isArray(extra) ? (extra as Record<string, unknown>) : {} };
}
