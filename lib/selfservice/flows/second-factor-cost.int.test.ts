import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../testing/setup";
import { enrolTotp, totpCode } from "../testing/second-factor";

let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;
const password = "correct horse battery staple 42";

// Every round trip to PostgreSQL (the flows' own pool and Prisma's adapter both go through pg.Client#query).
let statements = 0;
const query = pg.Client.prototype.query;
beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env, { selfservice: { methods: { totp: { enabled: true } } } });
  clients = oryClients(env, project);
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    statements++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await env?.close();
});

async function counting<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statements;
  const result = await run();
  return { result, statements: statements - before };
}

async function register(email: string) {
  const flow = await clients.frontend.createNativeRegistrationFlow();
  return (await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password, traits: { email } } })).session_token!;
}

const passwordLogin = (email: string) => counting(async () => {
  const flow = await clients.frontend.createNativeLoginFlow();
  return clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email, password } });
});

describe("what a second factor costs (round trips to the database)", () => {
  it("a native password login is 3 statements; the TOTP step-up after it at most one more", async () => {
    const plain = uniqueEmail("plain");
    await register(plain);
    await passwordLogin(plain); // warm: project, schema, prepared statements
    const password1 = await passwordLogin(plain);
    expect(password1.statements).toBe(3);

    const email = uniqueEmail("mfa");
    const secret = await enrolTotp(clients.frontend, await register(email));
    const first = await passwordLogin(email);
    expect(first.statements).toBe(3);
    const token = first.result.session_token!;
    const stepUp = await counting(async () => {
      const flow = await clients.frontend.createNativeLoginFlow({ aal: "aal2", xSessionToken: token });
      return clients.frontend.updateLoginFlow({ flow: flow.id, xSessionToken: token, updateLoginFlowBody: { method: "totp", totp_code: totpCode(secret, 1) } });
    });
    expect(stepUp.result.session.authenticator_assurance_level).toBe("aal2");
    // Flow insert; limits + flow read; the step claimed; the session stepped up with the flow's outcome.
    expect(stepUp.statements).toBe(4);
    expect(stepUp.statements).toBeLessThanOrEqual(password1.statements + 1);
  });
});
