import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../testing/setup";

let env: FlowTestEnv;
const password = "correct horse battery staple 42";

beforeAll(async () => {
  env = await startFlowTestEnv();
});
afterAll(async () => env?.close());

/** A project with the given login after-hooks; registration issues no session (Kratos: no `session` hook listed). */
async function projectWithLoginHooks(hooks: unknown[]) {
  const project = await createFlowProject(env, {
    selfservice: { flows: { login: { after: { password: { hooks } } }, registration: { after: { password: { hooks: [] } } } } },
  });
  return { project, clients: oryClients(env, project) };
}

async function register(clients: ReturnType<typeof oryClients>, email: string) {
  const flow = await clients.frontend.createNativeRegistrationFlow();
  return clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password, traits: { email, name: { first: "Ada" } } } });
}

async function login(clients: ReturnType<typeof oryClients>, identifier: string) {
  const flow = await clients.frontend.createNativeLoginFlow();
  return clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier, password } });
}

describe("after hooks as configured (Kratos' selfservice.flows.<kind>.after[.<method>].hooks)", () => {
  it("require_verified_address refuses a login before any session is stored; registration without `session` signs nobody in", async () => {
    const { project, clients } = await projectWithLoginHooks([{ hook: "require_verified_address" }]);
    const email = uniqueEmail("unverified");
    const registered = await register(clients, email);
    expect(registered.session_token).toBeUndefined();
    expect(registered.session).toBeUndefined();
    const refused = await login(clients, email).catch(errorBody);
    expect(refused).toMatchObject({ status: 400 });
    expect(JSON.stringify((refused as { body: unknown }).body)).toContain("4000010");
    const db = await projectDb(project.projectId);
    expect(await db.session.count()).toBe(0);
  });

  it("revoke_active_sessions ends the identity's other sessions when it signs in", async () => {
    const { project, clients } = await projectWithLoginHooks([{ hook: "revoke_active_sessions" }]);
    const email = uniqueEmail("single");
    await register(clients, email);
    const first = await login(clients, email);
    const second = await login(clients, email);
    const db = await projectDb(project.projectId);
    const sessions = await db.session.findMany({ select: { id: true, active: true } });
    expect(sessions.find((s) => s.id === second.session.id)?.active).toBe(true);
    expect(sessions.find((s) => s.id === first.session.id)?.active).toBe(false);
    await expect(clients.frontend.toSession({ xSessionToken: first.session_token })).rejects.toThrow();
  });
});
