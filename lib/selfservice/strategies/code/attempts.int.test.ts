import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverPending } from "@/lib/courier";
import { codeInMail } from "@/lib/courier/mail-catcher";
import { projectDb } from "@/lib/db";
import { createFlowProject, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";
import type { TestProject } from "@/lib/testing/fixtures";
import { MAX_CODE_ATTEMPTS } from "./codes";

/**
 * Issue 12 §2: the attempt counter of recovery / verification codes is one atomic statement, so parallel
 * submissions cannot all read the same count. Real parallelism: the submissions are concurrent HTTP requests
 * against the API server, each on its own database connection.
 */
let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;

beforeAll(async () => {
  env = await startFlowTestEnv();
  // Generous IP limits: this test is about the per-flow counter, not the per-IP rate limit.
  project = await createFlowProject(env, { rate_limits: { "code:ip": { limit: 10_000, window_seconds: 60 }, "recovery:ip": { limit: 10_000, window_seconds: 60 } } });
  clients = oryClients(env, project);
});
afterAll(async () => env?.close());

async function recoveryFlowWithCode(): Promise<{ flowId: string; code: string }> {
  const email = uniqueEmail("attempts");
  await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email } } });
  const before = env.mail.mails.length;
  const flow = await clients.frontend.createNativeRecoveryFlow();
  await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email } });
  await deliverPending(new Date());
  const mail = await env.mail.waitFor(email, (m) => env.mail.mails.indexOf(m) >= before);
  return { flowId: flow.id, code: codeInMail(mail)! };
}

const wrongCode = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");

/** Submits a code; true when the recovery passed. */
async function submit(flowId: string, code: string): Promise<boolean> {
  const response = await fetch(`${env.server.url}/p/${project.slug}/self-service/recovery?flow=${flowId}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ method: "code", code }),
  });
  const body = (await response.json()) as { state?: string };
  return response.status === 200 && body.state === "passed_challenge";
}

async function countedAttempts(flowId: string): Promise<number> {
  const db = await projectDb(project.projectId);
  const rows = await db.selfServiceCode.findMany({ where: { flowId, kind: "recovery" } });
  return rows.reduce((sum, row) => sum + row.attempts, 0);
}

describe("code attempt counter (atomic)", () => {
  it("counts 25 parallel wrong codes as 25: the right code afterwards is refused", async () => {
    const { flowId, code } = await recoveryFlowWithCode();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => submit(flowId, wrongCode(code, i))));
    expect(results.every((passed) => !passed)).toBe(true);
    expect(await countedAttempts(flowId)).toBe(25);
    expect(await submit(flowId, code)).toBe(false);
  });

  it("checks at most the first five of 24 wrong codes and the right one sent together", async () => {
    const { flowId, code } = await recoveryFlowWithCode();
    const codes = Array.from({ length: 24 }, (_, i) => wrongCode(code, i));
    codes.splice(Math.floor(Math.random() * 25), 0, code);
    const results = await Promise.all(codes.map((c) => submit(flowId, c)));
    const passed = results.filter(Boolean).length;
    expect(passed).toBeLessThanOrEqual(1);
    // Every submission is counted until the code is used up (a used code is no longer live).
    if (passed === 0) expect(await countedAttempts(flowId)).toBe(25);
    // Whatever the outcome, the flow is spent: the right code no longer works.
    expect(await submit(flowId, code)).toBe(false);
  });

  it("still accepts the right code within the limit", async () => {
    const { flowId, code } = await recoveryFlowWithCode();
    for (let i = 0; i < MAX_CODE_ATTEMPTS - 1; i++) expect(await submit(flowId, wrongCode(code, i))).toBe(false);
    expect(await submit(flowId, code)).toBe(true);
  });
});
