import { Configuration, IdentityApi } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentity } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { issueSession } from "./index";

/** Ory Network's manageSessions (`POST /admin/sessions`) through Ory's SDK. */
let database: TestDatabase;
let server: TestServer;
let a: TestProject;
let b: TestProject;
beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  a = await createTestProject();
  b = await createTestProject();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const sdk = (project: TestProject) => new IdentityApi(new Configuration({ basePath: `${server.url}/p/${project.slug}`, accessToken: project.apiKey }));
const whoami = async (project: TestProject, token: string) => (await fetch(`${server.url}/p/${project.slug}/sessions/whoami`, { headers: { "x-session-token": token } })).status;

async function signedIn(project: TestProject, email: string, sessions = 1) {
  const ctx = await systemContext(project.slug);
  const identity = await createIdentity(ctx, { schema_id: "preset://email", traits: { email } });
  const issued = [];
  for (let i = 0; i < sessions; i++) issued.push(await issueSession(ctx, { identityId: identity.id, method: "password", device: { ip: "198.51.100.7", userAgent: "Firefox" } }));
  return { identity, issued };
}

describe("manageSessions", () => {
  it("disables the sessions of listed identities and counts only those that were active", async () => {
    const ada = await signedIn(a, "ada@example.com", 2);
    const bob = await signedIn(a, "bob@example.com");
    const first = await sdk(a).manageSessions({ manageSessionsBody: { action: "disable", identities: [ada.identity.id] } });
    expect(first).toEqual({ processed: 2, more: false });
    expect(await whoami(a, ada.issued[0].token)).toBe(401);
    expect(await whoami(a, bob.issued[0].token)).toBe(200);
    expect(await sdk(a).manageSessions({ manageSessionsBody: { action: "disable", identities: [ada.identity.id] } })).toEqual({ processed: 0, more: false });
    // Disabled sessions stay readable for audit.
    expect((await sdk(a).getSession({ id: ada.issued[0].session.id })).active).toBe(false);
  });

  it("deletes listed sessions, and with identities [\"*\"] every session of the project only", async () => {
    const carol = await signedIn(a, "carol@example.com", 2);
    const other = await signedIn(b, "other@example.com");
    expect(await sdk(a).manageSessions({ manageSessionsBody: { action: "delete", sessions: [carol.issued[0].session.id, other.issued[0].session.id] } })).toEqual({ processed: 1, more: false });
    expect(await whoami(b, other.issued[0].token)).toBe(200);
    const all = await sdk(a).manageSessions({ manageSessionsBody: { action: "delete", identities: ["*"] } });
    expect(all.more).toBe(false);
    expect(all.processed).toBeGreaterThanOrEqual(1);
    expect(await whoami(a, carol.issued[1].token)).toBe(401);
    expect(await whoami(b, other.issued[0].token)).toBe(200);
  });

  it("refuses bodies Ory refuses", async () => {
    const post = (body: unknown) => fetch(`${server.url}/p/${a.slug}/admin/sessions`, { method: "POST", headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    for (const body of [{ action: "disable" }, { action: "nuke", identities: ["*"] }, { action: "delete", sessions: ["*"] }, { action: "delete", identities: ["*", "3fa85f64-5717-4562-b3fc-2c963f66afa6"] },
      { action: "delete", identities: ["3fa85f64-5717-4562-b3fc-2c963f66afa6"], sessions: ["3fa85f64-5717-4562-b3fc-2c963f66afa6"] }, { action: "delete", sessions: Array.from({ length: 501 }, () => "3fa85f64-5717-4562-b3fc-2c963f66afa6") }]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await response.json()).error.code).toBe(400);
    }
    expect((await fetch(`${server.url}/p/${a.slug}/admin/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);
  });
});
