import { Configuration, JwkApi, OAuth2Api } from "@ory/client-fetch";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";

export interface OAuth2Harness {
  database: TestDatabase;
  server: TestServer;
  a: TestProject;
  b: TestProject;
  issuer(project: TestProject): string;
  sdk(project: TestProject): { oauth2: OAuth2Api; jwk: JwkApi };
  admin(project: TestProject, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** A migrated database, the API server on loopback and two projects (A and B) for isolation checks. */
export async function startOAuth2Harness(configA: Record<string, unknown> = {}): Promise<OAuth2Harness> {
  const database = await useTestDatabase();
  const server = await startApiServer();
  const a = await createTestProject(configA);
  const b = await createTestProject();
  const issuer = (p: TestProject) => `${server.url}/p/${p.slug}`;
  return {
    database,
    server,
    a,
    b,
    issuer,
    sdk: (p) => {
      const configuration = new Configuration({ basePath: issuer(p), accessToken: p.apiKey });
      return { oauth2: new OAuth2Api(configuration), jwk: new JwkApi(configuration) };
    },
    admin: (p, method, path, body) =>
      fetch(issuer(p) + path, {
        method,
        headers: { authorization: `Bearer ${p.apiKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}
