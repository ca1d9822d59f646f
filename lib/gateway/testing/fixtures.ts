import { projectDb } from "@/lib/db";
import { createIdentity } from "@/lib/identity";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { issueSession } from "@/lib/sessions";

/** An identity with a fresh session in a project, made through lib/identity and lib/sessions. */
export async function signedInIdentity(slug: string, email: string): Promise<{ identityId: string; token: string; sessionId: string }> {
  const project = await findProjectBySlug(slug);
  if (!project) throw new Error(`no project ${slug}`);
  const ctx = { project, db: await projectDb(project.id), now: new Date(), actor: { type: "system", id: "test" } };
  const identity = await createIdentity(ctx, { schema_id: "", traits: { email } });
  const { session, token } = await issueSession(ctx, { identityId: identity.id, method: "password", device: { ip: "127.0.0.1", userAgent: "test" } });
  return { identityId: identity.id, token, sessionId: session.id };
}

/** A rule body with sensible defaults for tests. */
export function rule(id: string, url: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    match: { url, methods: ["GET", "POST"] },
    authenticators: [{ handler: "bearer_token" }, { handler: "cookie_session" }],
    authorizer: { handler: "allow" },
    mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
    ...overrides,
  };
}
