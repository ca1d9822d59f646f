import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverPending } from "@/lib/courier";
import { codeInMail } from "@/lib/courier/mail-catcher";
import { projectDb } from "@/lib/db";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../testing/setup";

let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;
const password = "correct horse battery staple 42";

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env);
  clients = oryClients(env, project);
});
afterAll(async () => env?.close());

async function register(email: string) {
  const flow = await clients.frontend.createNativeRegistrationFlow();
  return clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password, traits: { email, name: { first: "Ada" } } } });
}

async function mailedCode(recipient: string, subject: RegExp, after = 0) {
  await deliverPending(new Date());
  const mail = await env.mail.waitFor(recipient, (m) => env.mail.mails.indexOf(m) >= after && subject.test(m.raw));
  return codeInMail(mail)!;
}

describe("native (API) flows with @ory/client-fetch", () => {
  it("registers, returns a session token, and toSession accepts it", async () => {
    const email = uniqueEmail("reg");
    const flow = await clients.frontend.createNativeRegistrationFlow();
    const names = flow.ui.nodes.map((n) => (n.attributes as { name?: string }).name);
    expect(names).toEqual(expect.arrayContaining(["csrf_token", "traits.email", "traits.name.first", "password", "method"]));
    const result = await register(email);
    expect(result.session_token).toMatch(/^ory_st_/);
    expect(result.identity.traits).toMatchObject({ email });
    expect(result.continue_with?.map((c) => c.action)).toEqual(expect.arrayContaining(["set_ory_session_token", "show_verification_ui"]));
    const session = await clients.frontend.toSession({ xSessionToken: result.session_token });
    expect(session.identity?.id).toBe(result.identity.id);
  });

  it("logs in natively; a wrong password is 400 with message 4000006", async () => {
    const email = uniqueEmail("login");
    await register(email);
    const flow = await clients.frontend.createNativeLoginFlow();
    expect(flow.ui.nodes.some((n) => n.meta.label?.id === 1010001)).toBe(true);
    const failed: unknown = await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email, password: "wrong password!" } }).catch(errorBody);
    expect(failed).toMatchObject({ status: 400 });
    const ui = (failed as { body: { ui: { messages: { id: number }[] } } }).body.ui;
    expect(ui.messages.map((m) => m.id)).toContain(4000006);
    // Unknown accounts get the very same answer.
    const unknown: unknown = await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: uniqueEmail("nobody"), password } }).catch(errorBody);
    expect((unknown as { body: { ui: { messages: { id: number }[] } } }).body.ui.messages.map((m) => m.id)).toEqual([4000006]);
    const ok = await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email.toUpperCase(), password } });
    expect(ok.session_token).toBeTruthy();
    expect((await clients.frontend.toSession({ xSessionToken: ok.session_token })).identity?.traits).toMatchObject({ email });
    // A finished flow can not be replayed.
    const replay = await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email, password } }).catch(errorBody);
    expect(replay).toMatchObject({ status: 400 });
  });

  it("limits password logins per identifier (counted with the per-IP limit), not submissions missing a field", async () => {
    const limited = await createFlowProject(env, { rate_limits: { "login:ip": { limit: 100, window_seconds: 600 }, "login:identifier": { limit: 2, window_seconds: 600 } } });
    const api = oryClients(env, limited).frontend;
    const email = uniqueEmail("limited");
    const submit = async (body: Record<string, string>) => {
      const flow = await api.createNativeLoginFlow();
      return (await fetch(`${env.server.url}/p/${limited.slug}/self-service/login?flow=${flow.id}`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ method: "password", ...body }) })).status;
    };
    // Without a password the submission is invalid before the identifier is counted.
    for (let i = 0; i < 3; i++) expect(await submit({ identifier: email })).toBe(400);
    expect(await submit({ identifier: email, password: "wrong password!" })).toBe(400);
    expect(await submit({ identifier: ` ${email.toUpperCase()}`, password: "wrong password!" })).toBe(400);
    expect(await submit({ identifier: email, password: "wrong password!" })).toBe(429);
    expect(await submit({ identifier: uniqueEmail("other"), password: "wrong password!" })).toBe(400);
  });

  it("verifies the address with the mailed code", async () => {
    const email = uniqueEmail("verify");
    const before = env.mail.mails.length;
    const registration = await register(email);
    const entry = registration.continue_with?.find((c) => c.action === "show_verification_ui") as { flow: { id: string } } | undefined;
    const code = await mailedCode(email, /Subject: Verify/, before);
    const verified = await clients.frontend.updateVerificationFlow({ flow: entry!.flow.id, updateVerificationFlowBody: { method: "code", code } });
    expect(verified.state).toBe("passed_challenge");
    expect(verified.ui.messages?.map((m) => m.id)).toContain(1080002);
    const identity = await clients.identity.getIdentity({ id: registration.identity.id });
    expect(identity.verifiable_addresses?.[0]).toMatchObject({ value: email, verified: true, status: "completed" });
  });

  it("recovers an account with a code that arrives over SMTP", async () => {
    const email = uniqueEmail("recover");
    await register(email);
    const flow = await clients.frontend.createNativeRecoveryFlow();
    // Kratos names the method in use from the start (Ory Elements renders nothing without it).
    expect(flow.active).toBe("code");
    expect((await clients.frontend.createNativeVerificationFlow()).active).toBe("code");
    const before = env.mail.mails.length;
    const sent = await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email } });
    expect(sent.state).toBe("sent_email");
    expect(sent.ui.messages?.map((m) => m.id)).toContain(1060003);
    // An unknown address gets the same answer (and no mail).
    const other = await clients.frontend.createNativeRecoveryFlow();
    const unknown = await clients.frontend.updateRecoveryFlow({ flow: other.id, updateRecoveryFlowBody: { method: "code", email: uniqueEmail("ghost") } });
    expect(unknown.state).toBe("sent_email");
    expect(unknown.ui.messages?.map((m) => m.id)).toEqual(sent.ui.messages?.map((m) => m.id));

    const wrong = await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", code: "000000" } }).catch(errorBody);
    expect(wrong).toMatchObject({ status: 400 });
    const code = await mailedCode(email, /Subject: Recover/, before);
    const recovered = await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", code } });
    expect(recovered.state).toBe("passed_challenge");
    const token = (recovered.continue_with?.find((c) => c.action === "set_ory_session_token") as { ory_session_token: string }).ory_session_token;
    const settingsEntry = recovered.continue_with?.find((c) => c.action === "show_settings_ui") as { flow: { id: string } };
    const changed = await clients.frontend.updateSettingsFlow({ flow: settingsEntry.flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "password", password: "a brand new passphrase 7" } });
    expect(changed.state).toBe("success");
    const login = await clients.frontend.createNativeLoginFlow();
    const ok = await clients.frontend.updateLoginFlow({ flow: login.id, updateLoginFlowBody: { method: "password", identifier: email, password: "a brand new passphrase 7" } });
    expect(ok.session.identity?.traits).toMatchObject({ email });
    // The code was single-use.
    const again = await clients.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", code } }).catch(errorBody);
    expect(again).toMatchObject({ status: 400 });
    // And the messages are visible through the courier API.
    const messages = await clients.courier.listCourierMessages({ recipient: email });
    expect(messages.map((m) => m.template_type)).toEqual(expect.arrayContaining(["recovery_code_valid", "verification_code_valid"]));
    expect(messages.find((m) => m.template_type === "recovery_code_valid")?.status).toBe("sent");
  });

  it("requires a privileged session to change the password in settings", async () => {
    const email = uniqueEmail("settings");
    const { session_token: token, session } = await register(email);
    const db = await projectDb(project.projectId);
    await db.session.updateMany({ where: { id: session!.id }, data: { authenticatedAt: new Date(Date.now() - 3_600_000) } });
    const { clearSessionCache } = await import("@/lib/sessions");
    clearSessionCache();
    const flow = await clients.frontend.createNativeSettingsFlow({ xSessionToken: token });
    expect(flow.identity.traits).toMatchObject({ email });
    // Non-identifier profile fields are not privileged.
    const profile = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "profile", traits: { email, name: { first: "Grace" } } } });
    expect(profile.state).toBe("success");
    expect(profile.ui.messages?.map((m) => m.id)).toContain(1050001);
    const refused = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "password", password: "another good passphrase 9" } }).then(() => ({ status: 200, body: {} as Record<string, unknown> }), errorBody);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { id: "session_refresh_required" } });
    expect(String(refused.body.redirect_browser_to)).toContain("refresh=true");
    // Re-authenticate (refresh=true) and try again.
    const refresh = await clients.frontend.createNativeLoginFlow({ refresh: true, xSessionToken: token });
    expect(refresh.refresh).toBe(true);
    await clients.frontend.updateLoginFlow({ flow: refresh.id, xSessionToken: token, updateLoginFlowBody: { method: "password", identifier: email, password } });
    const changed = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "password", password: "another good passphrase 9" } });
    expect(changed.state).toBe("success");
  });

  it("logs out natively", async () => {
    const { session_token: token } = await register(uniqueEmail("logout"));
    await clients.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token! } });
    const after = await clients.frontend.toSession({ xSessionToken: token }).catch(errorBody);
    expect(after).toMatchObject({ status: 401 });
    const twice = await clients.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token! } }).catch(errorBody);
    expect(twice).toMatchObject({ status: 403 });
  });

  it("asks for aal2 clearly when no second factor exists", async () => {
    const noSession = await clients.frontend.createNativeLoginFlow({ aal: "aal2" }).catch(errorBody);
    expect(noSession).toMatchObject({ status: 401, body: { error: { id: "session_aal1_required" } } });
    const { session_token: token } = await register(uniqueEmail("aal"));
    const unavailable = await clients.frontend.createNativeLoginFlow({ aal: "aal2", xSessionToken: token }).catch(errorBody);
    expect(unavailable).toMatchObject({ status: 400, body: { error: { id: "session_aal2_unavailable" } } });
  });
});
