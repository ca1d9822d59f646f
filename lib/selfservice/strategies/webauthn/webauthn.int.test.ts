import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";
import { SoftAuthenticator } from "../../testing/soft-authenticator";
import { nativeFlows, nodeValue, optionsOf, refusedIds } from "../../testing/webauthn-flows";

let env: FlowTestEnv;
let project: TestProject;
let flows: ReturnType<typeof nativeFlows>;
const password = "correct horse battery staple 42";

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env, { selfservice: { methods: { webauthn: { enabled: true } } } });
  flows = nativeFlows(oryClients(env, project).basePath);
});
afterAll(async () => env?.close());

async function passwordAccount() {
  const email = uniqueEmail("key");
  const flow = await flows.start("registration");
  const created = await flows.submit("registration", flow, { method: "password", password, traits: { email } });
  expect(created.status).toBe(200);
  return { email, token: created.body.session_token as string, identityId: (created.body.identity as { id: string }).id };
}

async function passwordLogin(email: string) {
  const signedIn = await flows.submit("login", await flows.start("login"), { method: "password", identifier: email, password });
  expect(signedIn.status).toBe(200);
  return signedIn.body.session_token as string;
}

/** Adds a security key in settings; the authenticator holding it. */
async function addKey(token: string) {
  const authenticator = new SoftAuthenticator(new URL(oryClients(env, project).basePath).origin);
  const flow = await flows.start("settings", token);
  const options = optionsOf(flow, "webauthn_register_trigger");
  const added = await flows.submit("settings", flow, { method: "webauthn", webauthn_register: authenticator.create(options, { userVerified: false }), webauthn_register_displayname: "Desk key" }, token);
  expect(added.status).toBe(200);
  return authenticator;
}

describe("WebAuthn as a second factor", () => {
  it("adds a security key in settings, then a password login steps up to aal2 with it", async () => {
    const { email, token } = await passwordAccount();
    await addKey(token);
    const signedIn = await passwordLogin(email);
    const stepUp = await flows.start("login", signedIn, "?aal=aal2");
    expect(nodeValue(stepUp, "password")).toBeUndefined();
    const trigger = stepUp.ui.nodes.find((n) => n.attributes.name === "webauthn_login_trigger");
    expect(trigger?.attributes.onclickTrigger).toBe("oryWebAuthnLogin");
    expect(stepUp.ui.nodes.some((n) => (n.attributes as { id?: string }).id === "webauthn_script")).toBe(true);
    const authenticator = await addKey(token); // a second key: both are allowed
    const stepUp2 = await flows.start("login", signedIn, "?aal=aal2");
    expect(optionsOf(stepUp2, "webauthn_login_trigger").publicKey).toMatchObject({ allowCredentials: expect.any(Array) });
    const done = await flows.submit("login", stepUp2, { method: "webauthn", webauthn_login: authenticator.get(optionsOf(stepUp2, "webauthn_login_trigger"), { userVerified: false }) }, signedIn);
    expect(done.status).toBe(200);
    const session = done.body.session as { authenticator_assurance_level: string; authentication_methods: { method: string; aal: string }[] };
    expect(session.authenticator_assurance_level).toBe("aal2");
    expect(session.authentication_methods.map((m) => [m.method, m.aal])).toEqual([["password", "aal1"], ["webauthn", "aal2"]]);
  });

  it("refuses another challenge, origin, RP ID and a counter that went back with 4000006; the session stays aal1", async () => {
    const { email, token } = await passwordAccount();
    const authenticator = await addKey(token);
    const signedIn = await passwordLogin(email);
    const refusals: Record<string, unknown>[] = [
      { challenge: Buffer.from("a challenge of another flow").toString("base64url") }, { origin: "https://evil.example" }, { rpId: "evil.example" }, { counter: 1 },
    ];
    for (const overrides of refusals) {
      const stepUp = await flows.start("login", signedIn, "?aal=aal2");
      const refused = await flows.submit("login", stepUp, { method: "webauthn", webauthn_login: authenticator.get(optionsOf(stepUp, "webauthn_login_trigger"), overrides) }, signedIn);
      expect(refused.status, JSON.stringify(overrides)).toBe(400);
      expect(refusedIds(refused.body)).toContain(4000006);
    }
    const whoami = await fetch(`${oryClients(env, project).basePath}/sessions/whoami`, { headers: { "x-session-token": signedIn } });
    expect(whoami.status).toBe(403);
  });

  it("removes a security key in settings; the admin API deletes the webauthn credential", async () => {
    const { token, identityId } = await passwordAccount();
    await addKey(token);
    const flow = await flows.start("settings", token);
    const id = nodeValue(flow, "webauthn_remove");
    expect(typeof id).toBe("string");
    const removed = await flows.submit("settings", flow, { method: "webauthn", webauthn_remove: id }, token);
    expect(removed.status).toBe(200);
    expect(nodeValue(removed.body as never, "webauthn_remove")).toBeUndefined();
    await addKey(token);
    const { identity } = oryClients(env, project);
    expect((await identity.getIdentity({ id: identityId })).credentials?.webauthn).toBeDefined();
    await identity.deleteIdentityCredentials({ id: identityId, type: "webauthn" });
    expect((await identity.getIdentity({ id: identityId })).credentials?.webauthn).toBeUndefined();
  });
});
