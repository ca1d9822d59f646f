import { Configuration, IdentityApi, ResponseError } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";

let database: TestDatabase;
let server: TestServer;
let project: TestProject;
let other: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  project = await createTestProject();
  other = await createTestProject();
}, 180_000); // migrating a fresh PGlite database is slow on a busy machine
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const api = (p = project) => new IdentityApi(new Configuration({ basePath: `${server.url}/p/${p.slug}`, accessToken: p.apiKey }));
const admin = (path: string, init: RequestInit = {}, p = project) =>
  fetch(`${server.url}/p/${p.slug}${path}`, { ...init, headers: { authorization: `Bearer ${p.apiKey}`, "content-type": "application/json", ...init.headers } });

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ResponseError) return error.response.status;
    throw error;
  }
}

describe("identity admin API, the rest", () => {
  it("replaces with PUT (clearing omitted metadata) and finds by external id", async () => {
    const created = await api().createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "put@example.com" }, external_id: "crm-42", metadata_public: { a: 1 } } });
    const fetched = await api().getIdentityByExternalID({ externalID: "crm-42" });
    expect(fetched.id).toBe(created.id);
    const updated = await api().updateIdentity({ id: created.id, updateIdentityBody: { schema_id: "preset://email", state: "inactive", traits: { email: "put2@example.com" } } });
    expect(updated).toMatchObject({ state: "inactive", traits: { email: "put2@example.com" } });
    expect(updated.metadata_public ?? null).toBeNull();
    expect(updated.verifiable_addresses?.map((a) => a.value)).toEqual(["put2@example.com"]);
    expect(await api().listIdentities({ credentialsIdentifier: "put@example.com" })).toEqual([]);
    expect(await statusOf(api().getIdentityByExternalID({ externalID: "nope" }))).toBe(404);
  });

  it("batch-creates with per-item results, and deletes in batch (our addition)", async () => {
    const patchId = crypto.randomUUID();
    const result = await api().batchPatchIdentities({
      patchIdentitiesBody: {
        identities: [
          { create: { schema_id: "preset://email", traits: { email: "b1@example.com" } }, patch_id: patchId },
          { create: { schema_id: "preset://email", traits: { email: "not an email" } } },
          { create: { schema_id: "preset://email", traits: { email: "b1@example.com" } } },
        ],
      },
    });
    expect(result.identities?.map((r) => r.action)).toEqual(["create", "error", "error"]);
    expect(result.identities?.[0]?.patch_id).toBe(patchId);
    expect(result.identities?.[2]?.error).toMatchObject({ code: 409 });
    const id = result.identities![0]!.identity!;
    const removed = await admin("/admin/identities", { method: "PATCH", body: JSON.stringify({ identities: [{ delete: { id } }] }) });
    expect((await removed.json()).identities[0]).toMatchObject({ action: "delete", identity: id });
    expect(await statusOf(api().getIdentity({ id }))).toBe(404);
  });

  it("deletes a credential type, but not code or passkey credentials", async () => {
    const created = await api().createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "cred@example.com" }, credentials: { password: { config: { password: "a long enough password" } }, oidc: { config: { providers: [{ provider: "google", subject: "123" }, { provider: "github", subject: "9" }] } } } } });
    expect(Object.keys(created.credentials ?? {}).sort()).toEqual(["code", "oidc", "password"]);
    expect((await admin(`/admin/identities/${created.id}/credentials/code`, { method: "DELETE" })).status).toBe(400);
    expect((await admin(`/admin/identities/${created.id}/credentials/oidc?identifier=google:123`, { method: "DELETE" })).status).toBe(204);
    expect((await api().getIdentity({ id: created.id })).credentials?.oidc?.identifiers).toEqual(["github:9"]);
    await api().deleteIdentityCredentials({ id: created.id, type: "password" });
    expect((await api().getIdentity({ id: created.id })).credentials?.password).toBeUndefined();
    expect((await admin(`/admin/identities/${created.id}/credentials/password`, { method: "DELETE" })).status).toBe(404);
    const db = await platformDb();
    expect(await db.auditEvent.count({ where: { projectId: project.projectId, action: "identity.credentials.deleted", targetId: created.id } })).toBe(2);
  });

  it("searches traits by prefix, case-insensitively, within the project only", async () => {
    await api().createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "marie.curie@radium.example", name: { first: "Marie", last: "Curie" } } } });
    await api().createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "pierre@radium.example", name: { first: "Pierre", last: "Curie" } } } });
    await api(other).createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "curie@elsewhere.example" } } });
    const search = async (q: string, p = project) => ((await (await admin(`/admin/identities/search?q=${encodeURIComponent(q)}`, {}, p)).json()) as { traits: { email: string } }[]).map((i) => i.traits.email).sort();
    expect(await search("CURIE")).toEqual(["marie.curie@radium.example", "pierre@radium.example"]);
    expect(await search("mar")).toEqual(["marie.curie@radium.example"]);
    expect(await search("marie cur")).toEqual(["marie.curie@radium.example"]);
    expect(await search("pierre@rad")).toEqual(["pierre@radium.example"]);
    expect(await search("zzz")).toEqual([]);
    expect(await search("curie", other)).toEqual(["curie@elsewhere.example"]);
    expect((await admin("/admin/identities/search?q=")).status).toBe(400);
  });

  it("pages the identity list with Link headers", async () => {
    const first = await admin("/admin/identities?page_size=2");
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toContain("page_token=");
    const seen = new Set((await first.json()).map((i: { id: string }) => i.id));
    const second = await (await fetch(next!, { headers: { authorization: `Bearer ${project.apiKey}` } })).json();
    for (const identity of second) expect(seen.has(identity.id)).toBe(false);
  });

  it("serves the schemas publicly", async () => {
    const list = await (await fetch(`${server.url}/p/${project.slug}/schemas`)).json();
    expect(list.map((s: { id: string }) => s.id)).toEqual(["preset://email"]);
    const byEncodedId = await fetch(`${server.url}/p/${project.slug}/schemas/${Buffer.from("preset://email").toString("base64url")}`);
    expect((await byEncodedId.json()).properties.traits.properties.email.format).toBe("email");
    expect((await fetch(`${server.url}/p/${project.slug}/schemas/unknown`)).status).toBe(404);
  });
});
