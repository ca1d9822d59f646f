import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";
import { enrolTotp, nodeNamed, shownSecret, totpCode } from "../../testing/second-factor";

let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;
const password = "correct horse battery staple 42";
const methods = { selfservice: { methods: { totp: { enabled: true, config: { issuer: "Acme" } }, lookup_secret: { enabled: true } } } };

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env, methods);
  clients = oryClients(env, project);
});
afterAll(async () => env?.close());

async function register(email: string) {
  const flow = await clients.frontend.createNativeRegistrationFlow();
  return clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password, traits: { email } } });
}

async function passwordLogin(email: string) {
  const flow = await clients.frontend.createNativeLoginFlow();
  return clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email, password } });
}

const messageIds = (failed: { body: Record<string, unknown> }) => ((failed.body.ui as { messages?: { id: number }[] }).messages ?? []).map((m) => m.id);

describe("TOTP with @ory/client-fetch (native flows)", () => {
  it("enrols in settings (QR code, secret, first code), then signs in with password + TOTP at aal2", async () => {
    const email = uniqueEmail("totp");
    const { session_token: first } = await register(email);
    const flow = await clients.frontend.createNativeSettingsFlow({ xSessionToken: first! });
    const qr = nodeNamed(flow.ui.nodes, "totp_qr")!.attributes as { src: string; width: number };
    expect(qr.src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qr.src.split(",")[1]!, "base64").toString()).toContain("<svg");
    const secret = shownSecret(flow);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // A wrong first code is refused on the field; the same secret is offered again.
    const wrong = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: first!, updateSettingsFlowBody: { method: "totp", totp_code: "000000" } }).catch(errorBody);
    expect(wrong).toMatchObject({ status: 400 });
    expect(shownSecret((wrong as unknown as { body: never }).body)).toBe(secret);
    await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: first!, updateSettingsFlowBody: { method: "totp", totp_code: totpCode(secret) } });
    // Enrolling used a second factor: the enrolling session is aal2.
    expect((await clients.frontend.toSession({ xSessionToken: first! })).authenticator_assurance_level).toBe("aal2");
    const identity = await clients.identity.getIdentity({ id: (await clients.frontend.toSession({ xSessionToken: first! })).identity!.id, includeCredential: ["totp"] });
    expect(identity.credentials?.totp?.identifiers).toEqual([identity.id]);
    expect(JSON.stringify(identity.credentials?.totp)).not.toContain(secret);

    const signedIn = await passwordLogin(email);
    expect(signedIn.session.authenticator_assurance_level).toBe("aal1");
    expect(signedIn.session.identity).toBeUndefined();
    const denied = await clients.frontend.toSession({ xSessionToken: signedIn.session_token! }).catch(errorBody);
    expect(denied).toMatchObject({ status: 403, body: { error: { id: "session_aal2_required" } } });
    expect(String((denied as unknown as { body: { error: { details: { redirect_browser_to: string } } } }).body.error.details.redirect_browser_to)).toContain("aal=aal2");

    const stepUp = await clients.frontend.createNativeLoginFlow({ aal: "aal2", xSessionToken: signedIn.session_token! });
    expect(stepUp.requested_aal).toBe("aal2");
    expect(stepUp.ui.nodes.map((n) => (n.attributes as { name?: string }).name)).toEqual(expect.arrayContaining(["totp_code"]));
    expect(nodeNamed(stepUp.ui.nodes, "password")).toBeUndefined();
    // The enrolment's code (this step) was used already: a replay is refused with Kratos' 4000008; the next step's code works.
    const replay = await clients.frontend.updateLoginFlow({ flow: stepUp.id, xSessionToken: signedIn.session_token!, updateLoginFlowBody: { method: "totp", totp_code: totpCode(secret) } }).catch(errorBody);
    expect(replay).toMatchObject({ status: 400 });
    expect(messageIds(replay as never)).toContain(4000008);
    const done = await clients.frontend.updateLoginFlow({ flow: stepUp.id, xSessionToken: signedIn.session_token!, updateLoginFlowBody: { method: "totp", totp_code: totpCode(secret, 1) } });
    expect(done.session.authenticator_assurance_level).toBe("aal2");
    expect(done.session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([["password", "aal1"], ["totp", "aal2"]]);
    const whoami = await clients.frontend.toSession({ xSessionToken: signedIn.session_token! });
    expect(whoami.authenticator_assurance_level).toBe("aal2");
    // The same code on another session's step-up is a replay too.
    const other = await passwordLogin(email);
    const again = await clients.frontend.createNativeLoginFlow({ aal: "aal2", xSessionToken: other.session_token! });
    const replayed = await clients.frontend.updateLoginFlow({ flow: again.id, xSessionToken: other.session_token!, updateLoginFlowBody: { method: "totp", totp_code: totpCode(secret, 1) } }).catch(errorBody);
    expect(messageIds(replayed as never)).toContain(4000008);
  });

  it("unlinks TOTP in settings; the identity signs in with its password alone again", async () => {
    const email = uniqueEmail("unlink");
    const { session_token: token } = await register(email);
    await enrolTotp(clients.frontend, token!);
    const flow = await clients.frontend.createNativeSettingsFlow({ xSessionToken: token! });
    expect(nodeNamed(flow.ui.nodes, "totp_unlink")).toBeDefined();
    expect(nodeNamed(flow.ui.nodes, "totp_qr")).toBeUndefined();
    const after = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token!, updateSettingsFlowBody: { method: "totp", totp_unlink: true } });
    expect(nodeNamed(after.ui.nodes, "totp_qr")).toBeDefined();
    const signedIn = await passwordLogin(email);
    expect((await clients.frontend.toSession({ xSessionToken: signedIn.session_token! })).identity?.traits).toMatchObject({ email });
    const stepUp = await clients.frontend.createNativeLoginFlow({ aal: "aal2", xSessionToken: signedIn.session_token! }).catch(errorBody);
    expect(stepUp).toMatchObject({ status: 400, body: { error: { id: "session_aal2_unavailable" } } });
  });

  it("an admin removes the second factor: the identity's aal1 sessions pass whoami at once; code credentials stay", async () => {
    const email = uniqueEmail("admin");
    const { session_token: token } = await register(email);
    await enrolTotp(clients.frontend, token!);
    const signedIn = await passwordLogin(email);
    expect(await clients.frontend.toSession({ xSessionToken: signedIn.session_token! }).catch(errorBody)).toMatchObject({ status: 403 });
    const id = (await clients.frontend.toSession({ xSessionToken: token! })).identity!.id;
    await clients.identity.deleteIdentityCredentials({ id, type: "totp" });
    expect((await clients.frontend.toSession({ xSessionToken: signedIn.session_token! })).identity?.id).toBe(id);
    expect((await clients.identity.getIdentity({ id })).credentials?.totp).toBeUndefined();
  });

  it("counts 25 parallel guesses at one step-up as 25: with the enrolment's code, 10 judged, 16 refused with 429, nothing signed in", async () => {
    const limited = await createFlowProject(env, { ...methods, rate_limits: { "login:ip": { limit: 1000, window_seconds: 600 } } });
    const api = oryClients(env, limited).frontend;
    const email = uniqueEmail("guess");
    const flow = await api.createNativeRegistrationFlow();
    const { session_token: token } = await api.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password, traits: { email } } });
    await enrolTotp(api, token!);
    const login = await api.createNativeLoginFlow();
    const { session_token: aal1 } = await api.updateLoginFlow({ flow: login.id, updateLoginFlowBody: { method: "password", identifier: email, password } });
    const stepUp = await api.createNativeLoginFlow({ aal: "aal2", xSessionToken: aal1! });
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) =>
      fetch(`${env.server.url}/p/${limited.slug}/self-service/login?flow=${stepUp.id}`, {
        method: "POST", headers: { "content-type": "application/json", accept: "application/json", "x-session-token": aal1! },
        body: JSON.stringify({ method: "totp", totp_code: String(100000 + i) }),
      }).then((r) => r.status)));
    // second_factor:identity allows 10 codes in 5 minutes; the enrolment's first code was one of them.
    expect(statuses.filter((s) => s === 400)).toHaveLength(9);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
    expect((await api.toSession({ xSessionToken: aal1! }).catch(errorBody))).toMatchObject({ status: 403 });
  });
});
