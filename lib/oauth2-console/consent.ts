import { getIdentity, searchIdentities } from "@/lib/identity";
import { summarizeIdentity } from "@/lib/identity-console/summary";
import type { OAuth2Context } from "@/lib/oauth2/context";
import { listConsentSessions } from "@/lib/oauth2/flows/sessions-admin";

export interface ConsentGrant {
  clientId: string;
  clientName: string;
  scopes: string[];
  audience: string[];
  grantedAt: Date | null;
  remember: boolean;
}

export interface SubjectConsents {
  subject: string;
  /** The identity behind the subject (identity login), when there is one. */
  label?: string;
  grants: ConsentGrant[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SUBJECTS = 10;

async function subjectsFor(ctx: OAuth2Context, query: string): Promise<{ subject: string; label?: string }[]> {
  if (UUID.test(query)) {
    const identity = await getIdentity(ctx, query.toLowerCase());
    return [{ subject: identity?.id ?? query, label: identity ? summarizeIdentity(identity).label : undefined }];
  }
  const found = (await searchIdentities(ctx, query, MAX_SUBJECTS)).map((identity) => ({ subject: identity.id, label: summarizeIdentity(identity).label }));
  // A subject that is not an identity id (a custom login app's subject) is looked up as typed.
  return found.length ? found : [{ subject: query }];
}

/** One row per client (revocation is per client): scopes united, the latest grant's time. Newest first. */
function byClient(grants: ConsentGrant[]): ConsentGrant[] {
  const merged = new Map<string, ConsentGrant>();
  for (const grant of grants) {
    const seen = merged.get(grant.clientId);
    if (!seen) {
      merged.set(grant.clientId, { ...grant });
      continue;
    }
    seen.scopes = [...new Set([...seen.scopes, ...grant.scopes])];
    seen.audience = [...new Set([...seen.audience, ...grant.audience])];
    seen.remember ||= grant.remember;
    if (grant.grantedAt && (!seen.grantedAt || grant.grantedAt > seen.grantedAt)) seen.grantedAt = grant.grantedAt;
  }
  return [...merged.values()].sort((a, b) => (b.grantedAt?.getTime() ?? 0) - (a.grantedAt?.getTime() ?? 0));
}

/**
 * Consent sessions by subject: an identity id, or an email/name prefix resolved through the identity search
 * (Hydra's subject is the identity id when the project's own login is used).
 */
export async function lookupConsents(ctx: OAuth2Context, rawQuery: string): Promise<SubjectConsents[]> {
  const query = rawQuery.trim().slice(0, 200);
  if (!query) return [];
  const subjects = await subjectsFor(ctx, query);
  return Promise.all(
    subjects.map(async ({ subject, label }) => {
      const sessions = await listConsentSessions(ctx, subject, undefined, 100);
      const grants = sessions.map((session) => {
        const client = session.consent_request.client as { client_id?: string; client_name?: string };
        return {
          clientId: String(client.client_id ?? ""),
          clientName: String(client.client_name ?? ""),
          scopes: session.grant_scope,
          audience: session.grant_access_token_audience,
          grantedAt: session.handled_at ? new Date(session.handled_at) : null,
          remember: Boolean(session.remember),
        };
      });
      return { subject, label, grants: byClient(grants) };
    }),
  );
}
