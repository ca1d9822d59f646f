import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";
import { SoftAuthenticator } from "../../testing/soft-authenticator";
import { nativeFlows, nodeValue, optionsOf, refusedIds, type NativeFlow } from "../../testing/webauthn-flows";

let env: FlowTestEnv;
let a: TestProject;
let b: TestProject;
const methods = { selfservice: { methods: { passkey: { enabled: true, config: { rp: { display_name: "Acme" } } }, webauthn: { enabled: true } } } };
const flowsOf = (project: TestProject) => nativeFlows(oryClients(env, project).basePath);
const originOf = (project: TestProject) => new URL(oryClients(env, project).basePath).origin;

beforeAll(async () => {
  env = await startFlowTestEnv();
  a = await createFlowProject(env, methods);
  b = await createFlowProject(env, methods);
});
afterAll(async () => env?.close());

/** Signs up on project A with a new passkey; the authenticator and the session token. */
async function signUp(email = uniqueEmail("passkey")) {
  const authenticator = new SoftAuthenticator(originOf(a));
  const flows = flowsOf(a);
  const flow = await flows.start("registration");
  const created = await flows.submit("registration", flow, { method: "passkey", traits: { email }, passkey_register: authenticator.create(optionsOf(flow, "passkey_create_data")) });
  expect(created.status).toBe(200);
  return { authenticator, email, token: created.body.session_token as string, identityId: (created.body.identity as { id: string }).id };
}

const login = async (authenticator: SoftAuthenticator, flow: NativeFlow, overrides = {}, project = a) =>
  flowsOf(project).submit("login", flow, { method: "passkey", passkey_login: authenticator.get(optionsOf(flow, "passkey_challenge"), overrides) });

describe("passkeys (first factor)", () => {
  it("signs up with a passkey and signs in with it (discoverable, user verified, aal1)", async () => {
    const { authenticator, email } = await signUp();
    const flow = await flowsOf(a).start("login");
    const options = optionsOf(flow, "passkey_challenge");
    expect(options.publicKey.rpId).toBe(new URL(originOf(a)).hostname);
    expect(options.publicKey).toMatchObject({ userVerification: "required" });
    expect(flow.ui.nodes.find((n) => n.attributes.name === "passkey_challenge")?.attributes.onloadTrigger).toBe("oryPasskeyLoginAutocompleteInit");
    expect(flow.ui.nodes.find((n) => n.attributes.name === "identifier")?.attributes).toMatchObject({ autocomplete: "username webauthn" });
    const signedIn = await login(authenticator, flow);
    expect(signedIn.status).toBe(200);
    const session = signedIn.body.session as { authenticator_assurance_level: string; authentication_methods: { method: string }[]; identity: { traits: { email: string } } };
    expect(session.authenticator_assurance_level).toBe("aal1");
    expect(session.authentication_methods.map((m) => m.method)).toEqual(["passkey"]);
    expect(session.identity.traits.email).toBe(email);
  });

  it("serves Ory's webauthn.js with the functions the triggers name", async () => {
    const response = await fetch(`${oryClients(env, a).basePath}/.well-known/ory/webauthn.js`);
    expect(response.headers.get("content-type")).toContain("javascript");
    const script = await response.text();
    for (const name of ["oryWebAuthnLogin", "oryWebAuthnRegistration", "oryPasskeyLogin", "oryPasskeyLoginAutocompleteInit", "oryPasskeyRegistration", "oryPasskeySettingsRegistration"]) {
      expect(script).toContain(name);
    }
  });

  it("refuses another challenge, origin or RP ID, a replay, and a missing user verification with 4000006; nothing signs in", async () => {
    const { authenticator } = await signUp();
    const refusals: Record<string, unknown>[] = [
      { challenge: Buffer.from("another challenge, another flow").toString("base64url") },
      { origin: "https://evil.example" },
      { rpId: "evil.example" },
      { userVerified: false },
    ];
    for (const overrides of refusals) {
      const refused = await login(authenticator, await flowsOf(a).start("login"), overrides);
      expect(refused.status, JSON.stringify(overrides)).toBe(400);
      expect(refusedIds(refused.body)).toContain(4000006);
      expect(refused.body.session).toBeUndefined();
    }
    // The same assertion twice: the flow's challenge was claimed by the first.
    const flow = await flowsOf(a).start("login");
    const assertion = authenticator.get(optionsOf(flow, "passkey_challenge"));
    expect((await flowsOf(a).submit("login", flow, { method: "passkey", passkey_login: assertion })).status).toBe(200);
    const replay = await flowsOf(a).submit("login", flow, { method: "passkey", passkey_login: assertion });
    expect(replay.status).toBe(400);
    // A new flow's challenge is refused with the old assertion too.
    const again = await flowsOf(a).start("login");
    const old = await flowsOf(a).submit("login", again, { method: "passkey", passkey_login: assertion });
    expect(refusedIds(old.body)).toContain(4000006);
  });

  it("refuses a cloned authenticator (counter went back) and flags it: refused from then on", async () => {
    const { authenticator, identityId } = await signUp();
    expect((await login(authenticator, await flowsOf(a).start("login"))).status).toBe(200);
    const cloned = await login(authenticator, await flowsOf(a).start("login"), { counter: 1 });
    expect(cloned.status).toBe(400);
    expect(refusedIds(cloned.body)).toContain(4000006);
    const identity = await oryClients(env, a).identity.getIdentity({ id: identityId, includeCredential: ["passkey"] });
    const stored = (identity.credentials?.passkey?.config as { credentials: { authenticator: { clone_warning: boolean; sign_count: number } }[] }).credentials[0]!;
    expect(stored.authenticator).toMatchObject({ clone_warning: true, sign_count: 2 });
    expect((await login(authenticator, await flowsOf(a).start("login"))).status).toBe(400);
  });

  it("never lets project A's passkey sign in on project B (same host, same RP ID)", async () => {
    const { authenticator } = await signUp();
    const flow = await flowsOf(b).start("login");
    expect(optionsOf(flow, "passkey_challenge").publicKey.rpId).toBe(new URL(originOf(a)).hostname);
    const refused = await login(authenticator, flow, {}, b);
    expect(refused.status).toBe(400);
    expect(refusedIds(refused.body)).toContain(4000006);
  });

  it("adds a passkey in settings and removes one, never the last way to sign in", async () => {
    const { authenticator, token } = await signUp();
    const flows = flowsOf(a);
    let flow = await flows.start("settings", token);
    expect(nodeValue(flow, "passkey_remove")).toBeUndefined();
    const only = (authenticator.keys[0]!.id).toString("base64url");
    const last = await flows.submit("settings", flow, { method: "passkey", passkey_remove: only }, token);
    expect(last.status).toBe(400);
    flow = await flows.start("settings", token);
    const second = authenticator.create(optionsOf(flow, "passkey_create_data"));
    const added = await flows.submit("settings", flow, { method: "passkey", passkey_settings_register: second }, token);
    expect(added.status).toBe(200);
    expect(added.body.ui!.nodes.filter((n) => n.attributes.name === "passkey_remove")).toHaveLength(2);
    const removed = await flows.submit("settings", await flows.start("settings", token), { method: "passkey", passkey_remove: only }, token);
    expect(removed.status).toBe(200);
    // The remaining (second) passkey signs in; the removed one does not.
    expect((await login(authenticator, await flows.start("login"))).status).toBe(200);
    expect((await login(authenticator, await flows.start("login"), { credentialId: only })).status).toBe(400);
  });

  it("counts passkey attempts against the login flow's per-IP limit, like every method (429, nothing signed in)", async () => {
    const limited = await createFlowProject(env, { ...methods, rate_limits: { "login:ip": { limit: 2, window_seconds: 60 } } });
    const flows = flowsOf(limited);
    // A passkey this project never saw (guessing): refused, and counted.
    const authenticator = new SoftAuthenticator(originOf(limited));
    authenticator.create({ publicKey: { challenge: "", rp: { id: new URL(originOf(limited)).hostname }, user: { id: "Z3Vlc3M" } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const flow = await flows.start("login");
      statuses.push((await flows.submit("login", flow, { method: "passkey", passkey_login: authenticator.get(optionsOf(flow, "passkey_challenge")) })).status);
    }
    expect(statuses).toEqual([400, 400, 429]);
  });
});
