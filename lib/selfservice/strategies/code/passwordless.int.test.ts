import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { deliverPending } from "@/lib/courier";
import { startSmsCatcher, type SmsCatcher } from "@/lib/courier/http/sms-catcher";
import { codeInMail } from "@/lib/courier/mail-catcher";
import { projectDb } from "@/lib/db";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";

/** Issue 13 §5: passwordless login and registration by code (`selfservice.methods.code.passwordless_enabled`), SMS by an HTTP channel. */
let env: FlowTestEnv;
let sms: SmsCatcher;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;

const phoneSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    traits: {
      type: "object",
      properties: {
        email: { type: "string", format: "email", "ory.sh/kratos": { credentials: { code: { identifier: true, via: "email" } }, verification: { via: "email" } } },
        phone: { type: "string", pattern: "^\\+[0-9]{6,15}$", "ory.sh/kratos": { credentials: { code: { identifier: true, via: "sms" } } } },
      },
      additionalProperties: false,
    },
  },
};

beforeAll(async () => {
  process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8"; // the SMS gateway is an in-process peer on loopback (SSRF guard)
  resetConfig();
  env = await startFlowTestEnv();
  sms = await startSmsCatcher();
  project = await createFlowProject(env, {
    selfservice: { methods: { code: { enabled: true, passwordless_enabled: true } } },
    identity: { default_schema_id: "preset://email", schemas: [{ id: "preset://email", url: "preset://email" }, { id: "phone", url: `base64://${Buffer.from(JSON.stringify(phoneSchema)).toString("base64")}` }] },
    courier: {
      smtp: { connection_uri: env.mail.connectionUri },
      channels: [{ id: "sms", type: "http", request_config: { url: sms.url, method: "POST", headers: { "x-gateway-key": "k1" }, body: { to: "{{ ctx.recipient }}", text: "{{ ctx.body }}" } } }],
    },
    rate_limits: { "code:ip": { limit: 10_000, window_seconds: 60 }, "login:ip": { limit: 10_000, window_seconds: 60 } },
  });
  clients = oryClients(env, project);
});
afterAll(async () => {
  await sms?.close();
  await env?.close();
  delete process.env.GATEWAY_OUTBOUND_ALLOW;
  resetConfig();
});

type FlowBody = { state?: string; ui: { messages?: { id: number }[]; nodes: { group: string; attributes: { name?: string; value?: unknown }; messages: { id: number }[] }[] } };
const uiOf = async (error: unknown) => (await errorBody(error)) as { status: number; body: FlowBody };
const nodeMessages = (flow: FlowBody, name: string) => flow.ui.nodes.filter((n) => n.attributes.name === name).flatMap((n) => n.messages.map((m) => m.id));

async function mailedCode(recipient: string, after: number) {
  await deliverPending(new Date());
  return codeInMail(await env.mail.waitFor(recipient, (m) => env.mail.mails.indexOf(m) >= after))!;
}

async function createEmailIdentity() {
  const email = uniqueEmail("pwl");
  const identity = await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email } } });
  return { email, identity };
}

/** A native login flow with a code sent to `identifier`; the answer of the first step (400 with the flow). */
async function loginCodeSent(identifier: string) {
  const flow = await clients.frontend.createNativeLoginFlow();
  const sent = await uiOf(await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "code", identifier, csrf_token: "" } }).catch((e: unknown) => e));
  return { flowId: flow.id, sent };
}

const submitCode = (flowId: string, code: string) =>
  clients.frontend.updateLoginFlow({ flow: flowId, updateLoginFlowBody: { method: "code", code, csrf_token: "" } });

describe("passwordless code login", () => {
  it("offers code next to password, with one identifier field", async () => {
    const flow = await clients.frontend.createNativeLoginFlow();
    const nodes = flow.ui.nodes.map((n) => `${n.group}:${(n.attributes as { name?: string }).name}:${(n.attributes as { value?: unknown }).value ?? ""}`);
    expect(nodes.filter((n) => n.startsWith("default:identifier"))).toHaveLength(1);
    expect(nodes).toEqual(expect.arrayContaining(["password:method:password", "code:method:code"]));
  });

  it("signs in without a password: identifier, then the mailed code", async () => {
    const { email, identity } = await createEmailIdentity();
    const before = env.mail.mails.length;
    const { flowId, sent } = await loginCodeSent(email);
    expect(sent.status).toBe(400);
    expect(sent.body.state).toBe("sent_email");
    expect(sent.body.ui.messages?.map((m) => m.id)).toEqual([1010014]);
    expect(sent.body.ui.nodes.map((n) => n.attributes.name)).toEqual(expect.arrayContaining(["code", "resend", "method", "identifier"]));
    expect(sent.body.ui.nodes.some((n) => n.attributes.name === "password")).toBe(false);
    const code = await mailedCode(email, before);
    const ok = await submitCode(flowId, code);
    expect(ok.session_token).toMatch(/^ory_st_/);
    expect(ok.session.identity?.id).toBe(identity.id);
    expect(ok.session.authentication_methods?.[0]?.method).toBe("code");
    const verified = await clients.identity.getIdentity({ id: identity.id });
    expect(verified.verifiable_addresses?.[0]?.verified).toBe(true);
  });

  it("answers unknown identifiers exactly like known ones, sends nothing, and no code works", async () => {
    const nobody = uniqueEmail("nobody");
    const before = env.mail.mails.length;
    const { flowId, sent } = await loginCodeSent(nobody);
    expect(sent.status).toBe(400);
    expect(sent.body.state).toBe("sent_email");
    expect(sent.body.ui.messages?.map((m) => m.id)).toEqual([1010014]);
    await deliverPending(new Date());
    expect(env.mail.mails.slice(before).some((m) => m.to.includes(nobody))).toBe(false);
    const refused = await uiOf(await submitCode(flowId, "000000").catch((e: unknown) => e));
    expect(nodeMessages(refused.body, "code")).toEqual([4010008]);
  });

  it("refuses a wrong code, a used code and an expired code with 4010008", async () => {
    const { email } = await createEmailIdentity();
    const before = env.mail.mails.length;
    const { flowId } = await loginCodeSent(email);
    const code = await mailedCode(email, before);
    const wrong = await uiOf(await submitCode(flowId, String((Number(code) + 1) % 1_000_000).padStart(6, "0")).catch((e: unknown) => e));
    expect(nodeMessages(wrong.body, "code")).toEqual([4010008]);
    expect((await submitCode(flowId, code)).session_token).toBeTruthy();
    // Used: the flow is done, and the code is spent in any case.
    const used = await submitCode(flowId, code).catch((e: unknown) => e);
    expect((await errorBody(used)).status).toBe(400);

    const next = env.mail.mails.length;
    const second = await loginCodeSent(email);
    const expiring = await mailedCode(email, next);
    const db = await projectDb(project.projectId);
    await db.selfServiceCode.updateMany({ where: { flowId: second.flowId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await uiOf(await submitCode(second.flowId, expiring).catch((e: unknown) => e));
    expect(nodeMessages(expired.body, "code")).toEqual([4010008]);
  });

  it("counts 25 parallel guesses as 25: the right code afterwards is refused", async () => {
    const { email } = await createEmailIdentity();
    const before = env.mail.mails.length;
    const { flowId } = await loginCodeSent(email);
    const code = await mailedCode(email, before);
    const guesses = Array.from({ length: 25 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const results = await Promise.allSettled(guesses.map((guess) => submitCode(flowId, guess)));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const db = await projectDb(project.projectId);
    const rows = await db.selfServiceCode.findMany({ where: { flowId, kind: "login" } });
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(25);
    const late = await uiOf(await submitCode(flowId, code).catch((e: unknown) => e));
    expect(nodeMessages(late.body, "code")).toEqual([4010008]);
  });

  it("sends the code by SMS to a phone identifier through the HTTP channel", async () => {
    const phone = `+4915${Math.floor(Math.random() * 1e9).toString().padStart(9, "0")}`;
    const identity = await clients.identity.createIdentity({ createIdentityBody: { schema_id: "phone", traits: { phone } } });
    const { flowId, sent } = await loginCodeSent(phone);
    expect(sent.body.state).toBe("sent_email");
    await deliverPending(new Date());
    const message = await sms.waitFor((m) => m.body.to === phone);
    expect(message.headers["x-gateway-key"]).toBe("k1");
    const code = /(\d{6})/.exec(String(message.body.text))![1];
    const ok = await submitCode(flowId, code);
    expect(ok.session.identity?.id).toBe(identity.id);
  });
});

describe("passwordless code registration", () => {
  it("registers with traits then the mailed code; the address is verified and a session issued", async () => {
    const email = uniqueEmail("pwlreg");
    const before = env.mail.mails.length;
    const flow = await clients.frontend.createNativeRegistrationFlow();
    expect(flow.ui.nodes.filter((n) => (n.attributes as { name?: string }).name === "traits.email")).toHaveLength(1);
    const sent = await uiOf(await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "code", traits: { email } } }).catch((e: unknown) => e));
    expect(sent.status).toBe(400);
    expect(sent.body.state).toBe("sent_email");
    expect(sent.body.ui.messages?.map((m) => m.id)).toEqual([1040005]);
    const code = await mailedCode(email, before);
    const wrong = await uiOf(await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "code", code: "000000", traits: { email } } }).catch((e: unknown) => e));
    if (code !== "000000") expect(nodeMessages(wrong.body, "code")).toEqual([4040003]);
    // The identity is made from the traits the code was sent for, not from resubmitted ones.
    const done = await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "code", code, traits: { email: uniqueEmail("swap") } } });
    expect(done.identity.traits).toEqual({ email });
    expect(done.identity.verifiable_addresses?.[0]).toMatchObject({ value: email, verified: true });
    expect(done.session_token).toMatch(/^ory_st_/);
    const stored = await clients.identity.getIdentity({ id: done.identity.id, includeCredential: ["code"] });
    expect(Object.keys(stored.credentials ?? {})).toContain("code");
  });

  it("registers a phone number with a code sent by SMS", async () => {
    const phone = `+4916${Math.floor(Math.random() * 1e9).toString().padStart(9, "0")}`;
    const flow = await clients.frontend.createNativeRegistrationFlow({ identitySchema: "phone" });
    const sent = await uiOf(await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "code", traits: { phone } } }).catch((e: unknown) => e));
    expect(sent.body.state).toBe("sent_email");
    await deliverPending(new Date());
    const message = await sms.waitFor((m) => m.body.to === phone);
    const code = /(\d{6})/.exec(String(message.body.text))![1];
    const done = await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "code", code, traits: { phone } } });
    expect(done.identity.traits).toEqual({ phone });
    expect(done.session_token).toBeTruthy();
  });

  it("refuses traits without a code address", async () => {
    const flow = await clients.frontend.createNativeRegistrationFlow({ identitySchema: "phone" });
    const refused = await uiOf(await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "code", traits: {} } }).catch((e: unknown) => e));
    expect(refused.status).toBe(400);
    expect(refused.body.ui.messages?.map((m) => m.id)).toEqual([4000035]);
  });
});
