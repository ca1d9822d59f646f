import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverPending } from "@/lib/courier";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";

/** Issue 13 §5: Kratos' link method (magic link) for recovery and verification (`selfservice.flows.<kind>.use: link`). */
let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env, {
    selfservice: { methods: { link: { enabled: true } }, flows: { recovery: { use: "link" }, verification: { use: "link" } } },
  });
  clients = oryClients(env, project);
});
afterAll(async () => env?.close());

async function mailedLink(recipient: string, after: number): Promise<URL> {
  await deliverPending(new Date());
  const mail = await env.mail.waitFor(recipient, (m) => env.mail.mails.indexOf(m) >= after);
  const unfolded = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const href = /(https?:\/\/[^\s"<>]+self-service\/(?:recovery|verification)\?flow=[^\s"<>]+)/.exec(unfolded)?.[1];
  if (!href) throw new Error("no link in the mail");
  return new URL(href.replace(/&amp;/g, "&"));
}

const open = (link: URL) => fetch(link, { headers: { accept: "application/json" }, redirect: "manual" });

describe("link method", () => {
  it("offers link instead of code, and recovers an account with a mailed link (once)", async () => {
    const email = uniqueEmail("link");
    const identity = await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email } } });
    const flow = await clients.frontend.createNativeRecoveryFlow();
    expect(flow.ui.nodes.map((n) => `${n.group}:${(n.attributes as { name?: string }).name}`)).toEqual(expect.arrayContaining(["link:email", "link:method"]));
    expect(flow.ui.nodes.some((n) => n.group === "code")).toBe(false);
    const before = env.mail.mails.length;
    const sent = await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "link", email } });
    expect(sent.state).toBe("sent_email");
    expect(sent.ui.messages?.map((m) => m.id)).toEqual([1060002]);
    const link = await mailedLink(email, before);
    expect(link.searchParams.get("flow")).toBe(flow.id);
    const recovered = await open(link);
    expect(recovered.status).toBe(200);
    const body = (await recovered.json()) as { continue_with?: { action: string }[] };
    expect(body.continue_with?.map((c) => c.action)).toContain("show_settings_ui");
    const sessions = await clients.identity.listIdentitySessions({ id: identity.id });
    expect(sessions.length).toBe(1);
    // One use only.
    const again = await open(link);
    expect(again.status).toBe(403);
  });

  it("answers unknown addresses like known ones and sends no link", async () => {
    const nobody = uniqueEmail("nobody");
    const flow = await clients.frontend.createNativeRecoveryFlow();
    const before = env.mail.mails.length;
    const sent = await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "link", email: nobody } });
    expect(sent.state).toBe("sent_email");
    await deliverPending(new Date());
    expect(env.mail.mails.slice(before).some((m) => m.to.includes(nobody))).toBe(false);
  });

  it("verifies an address with a mailed link; a forged token is refused with 4070001", async () => {
    const email = uniqueEmail("verify");
    const identity = await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email } } });
    const flow = await clients.frontend.createNativeVerificationFlow();
    const before = env.mail.mails.length;
    const sent = await clients.frontend.updateVerificationFlow({ flow: flow.id, updateVerificationFlowBody: { method: "link", email } });
    expect(sent.ui.messages?.map((m) => m.id)).toEqual([1080001]);
    const link = await mailedLink(email, before);
    const forged = new URL(link);
    forged.searchParams.set("token", "A".repeat(43));
    expect((await open(forged)).status).toBe(403);
    const refusedFlow = await clients.frontend.getVerificationFlow({ id: flow.id });
    expect(refusedFlow.ui.messages?.map((m) => m.id)).toContain(4070001);
    const verified = await open(link);
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as { state: string }).state).toBe("passed_challenge");
    const after = await clients.identity.getIdentity({ id: identity.id });
    expect(after.verifiable_addresses?.[0]?.verified).toBe(true);
    const bad = await clients.frontend.updateVerificationFlow({ flow: flow.id, updateVerificationFlowBody: { method: "link", email } }).catch(errorBody);
    expect((bad as { status: number }).status).toBe(400);
  });
});
