import { Configuration, CourierApi, FrontendApi, IdentityApi } from "@ory/client-fetch";
import { startMailCatcher, type MailCatcher } from "@/lib/courier/mail-catcher";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";

export interface FlowTestEnv {
  database: TestDatabase;
  server: TestServer;
  mail: MailCatcher;
  close(): Promise<void>;
}

/** Database, API server and a real SMTP peer for flow tests. */
export async function startFlowTestEnv(): Promise<FlowTestEnv> {
  const database = await useTestDatabase();
  const server = await startApiServer();
  const mail = await startMailCatcher();
  return {
    database, server, mail,
    close: async () => {
      await mail.close();
      await server.close();
      await database.drop();
    },
  };
}

/** A project whose courier delivers to the mail catcher; `extra` is merged into `services.identity.config`. */
export function createFlowProject(env: FlowTestEnv, extra: Record<string, unknown> = {}): Promise<TestProject> {
  return createTestProject({ services: { identity: { config: { courier: { smtp: { connection_uri: env.mail.connectionUri } }, ...extra } } } });
}

export function oryClients(env: FlowTestEnv, project: TestProject) {
  const basePath = `${env.server.url}/p/${project.slug}`;
  const configuration = new Configuration({ basePath, accessToken: project.apiKey });
  return { basePath, frontend: new FrontendApi(configuration), identity: new IdentityApi(configuration), courier: new CourierApi(configuration) };
}

/** The JSON body of an SDK ResponseError (or of a plain Response). */
export async function errorBody(error: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = (error as { response?: Response }).response;
  if (!response) throw error;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const uniqueEmail = (prefix = "user") => `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.test`;
