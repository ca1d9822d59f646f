import { initDatabase, migrate, projectDb } from "@/lib/db";
import { clientInputSchema, createClient } from "@/lib/oauth2/clients";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";

export interface OAuth2BenchFixture {
  project: TestProject;
  client: { client_id: string; client_secret: string };
  /** `Authorization: Basic …` of the client (client_secret_basic). */
  basicAuth: string;
}

/**
 * The OAuth2 benchmarks' setup on a fresh database: migrations, a project issuing JWT access tokens (ES256), and a
 * confidential client_credentials client with scopes `read write`. Leaves the database client open.
 */
export async function oauth2BenchFixture(databaseUrl: string): Promise<OAuth2BenchFixture> {
  await migrate(databaseUrl);
  await initDatabase({ url: databaseUrl, pool: 2 });
  const project = await createTestProject({ services: { oauth2: { config: { strategies: { access_token: "jwt" } } } } });
  const db = await projectDb(project.projectId);
  const scope = { project: { id: project.projectId, workspaceId: project.workspaceId }, db, now: new Date(), actor: { type: "system", id: "bench" } };
  const client = (await createClient(scope, clientInputSchema.parse({ grant_types: ["client_credentials"], scope: "read write" }))) as OAuth2BenchFixture["client"];
  return { project, client, basicAuth: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString("base64")}` };
}
