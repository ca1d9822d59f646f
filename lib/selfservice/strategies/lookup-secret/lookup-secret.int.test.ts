import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";
import { nodeNamed, shownCodes } from "../../testing/second-factor";

let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;
const password = "correct horse battery staple 42";

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env, { selfservice: { methods: { lookup_secret: { enabled: true } } } });
  clients = oryClients(env, project);
});
afterAll(async () => env?.close());

async function register(email: string) {
  const flow = await clients.frontend.createNativeRegistrationFlow();
  return (await clients.frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password, traits: { email } } })).session_token!;
}

async function stepUpFlow(email: string) {
  const flow = await clients.frontend.createNativeLoginFlow();
  const { session_token: token } = await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email, password } });
  return { token: token!, flow: await clients.frontend.createNativeLoginFlow({ aal: "aal2", xSessionToken: token! }) };
}

/** Regenerates and confirms 12 codes through a native settings flow. */
async function setUpCodes(token: string): Promise<string[]> {
  const flow = await clients.frontend.createNativeSettingsFlow({ xSessionToken: token });
  expect(flow.ui.nodes.map((n) => (n.attributes as { name?: string }).name)).toContain("lookup_secret_regenerate");
  const shown = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "lookup_secret", lookup_secret_regenerate: true } });
  const codes = shownCodes(shown);
  expect(codes).toHaveLength(12);
  expect(nodeNamed(shown.ui.nodes, "lookup_secret_confirm")).toBeDefined();
  const saved = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "lookup_secret", lookup_secret_confirm: true } });
  expect(saved.ui.messages?.map((m) => m.id)).toContain(1050001);
  // Shown once: the saved flow lists no codes, only reveal and disable.
  expect(shownCodes(saved)).toEqual([]);
  expect(saved.ui.nodes.map((n) => (n.attributes as { name?: string }).name)).toEqual(expect.arrayContaining(["lookup_secret_reveal", "lookup_secret_disable"]));
  return codes;
}

const messageIds = (failed: unknown) => (((failed as { body: { ui: { messages?: { id: number }[] } } }).body.ui.messages) ?? []).map((m) => m.id);

describe("recovery codes (lookup_secret) with @ory/client-fetch", () => {
  it("signs in with a code once; the used code is refused with 4000012, an unknown one with 4000016", async () => {
    const email = uniqueEmail("lookup");
    const codes = await setUpCodes(await register(email));
    const { token, flow } = await stepUpFlow(email);
    expect(flow.ui.nodes.map((n) => (n.attributes as { name?: string }).name)).toEqual(expect.arrayContaining(["lookup_secret"]));
    const wrong = await clients.frontend.updateLoginFlow({ flow: flow.id, xSessionToken: token, updateLoginFlowBody: { method: "lookup_secret", lookup_secret: "zzzzzzzz" } }).catch(errorBody);
    expect(messageIds(wrong)).toContain(4000016);
    const done = await clients.frontend.updateLoginFlow({ flow: flow.id, xSessionToken: token, updateLoginFlowBody: { method: "lookup_secret", lookup_secret: codes[0]!.toUpperCase() } });
    expect(done.session.authenticator_assurance_level).toBe("aal2");
    const next = await stepUpFlow(email);
    const used = await clients.frontend.updateLoginFlow({ flow: next.flow.id, xSessionToken: next.token, updateLoginFlowBody: { method: "lookup_secret", lookup_secret: codes[0]! } }).catch(errorBody);
    expect(used).toMatchObject({ status: 400 });
    expect(messageIds(used)).toContain(4000012);
    expect(await clients.frontend.toSession({ xSessionToken: next.token }).catch(errorBody)).toMatchObject({ status: 403 });
    // Revealed in settings: which code was used, and when; the rest can not be shown again.
    const settings = await clients.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const revealed = await clients.frontend.updateSettingsFlow({ flow: settings.id, xSessionToken: token, updateSettingsFlowBody: { method: "lookup_secret", lookup_secret_reveal: true } });
    const list = (nodeNamed(revealed.ui.nodes, "lookup_secret_codes")!.attributes as { text: { context: { secrets: { id: number }[] } } }).text.context.secrets;
    expect(list.map((m) => m.id)).toEqual([1050014, ...Array<number>(11).fill(1050901)]);
  });

  it("lets exactly one of two parallel logins with the same code through", async () => {
    const email = uniqueEmail("race");
    const codes = await setUpCodes(await register(email));
    const [a, b] = await Promise.all([stepUpFlow(email), stepUpFlow(email)]);
    const results = await Promise.all([a, b].map((s) =>
      clients.frontend.updateLoginFlow({ flow: s.flow.id, xSessionToken: s.token, updateLoginFlowBody: { method: "lookup_secret", lookup_secret: codes[3]! } }).then(() => 200, errorBody)));
    expect(results.filter((r) => r === 200)).toHaveLength(1);
    expect(messageIds(results.find((r) => r !== 200))).toContain(4000012);
  });

  it("disables recovery codes in settings", async () => {
    const email = uniqueEmail("disable");
    const token = await register(email);
    await setUpCodes(token);
    const flow = await clients.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const after = await clients.frontend.updateSettingsFlow({ flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "lookup_secret", lookup_secret_disable: true } });
    expect(nodeNamed(after.ui.nodes, "lookup_secret_regenerate")).toBeDefined();
    const { flow: refused } = await stepUpFlow(email).catch(async (error: unknown) => ({ flow: await errorBody(error) }));
    expect(refused).toMatchObject({ status: 400, body: { error: { id: "session_aal2_unavailable" } } });
  });
});
