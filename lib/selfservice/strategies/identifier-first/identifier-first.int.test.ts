import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestProject } from "@/lib/testing/fixtures";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";

/** Issue 13 §6: identifier-first login — the identity's own methods, and the same answer for unknown identifiers. */
let env: FlowTestEnv;
let project: TestProject;
let clients: ReturnType<typeof oryClients>;
const password = "correct horse battery staple 42";

beforeAll(async () => {
  env = await startFlowTestEnv();
  project = await createFlowProject(env, {
    selfservice: { methods: { code: { passwordless_enabled: true } }, flows: { login: { style: "identifier_first" } } },
  });
  clients = oryClients(env, project);
});
afterAll(async () => env?.close());

type Node = { group: string; attributes: { name?: string; type?: string; value?: unknown } };
const shape = (nodes: Node[]) => nodes.map((n) => `${n.group}:${n.attributes.name}:${n.attributes.type}:${n.attributes.name === "method" ? String(n.attributes.value) : ""}`);

async function afterIdentifier(identifier: string) {
  const flow = await clients.frontend.createNativeLoginFlow();
  const answer = await clients.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "identifier_first", identifier, csrf_token: "" } }).catch(errorBody);
  const { status, body } = answer as { status: number; body: { ui: { nodes: Node[] } } };
  return { flowId: flow.id, status, nodes: body.ui.nodes };
}

describe("identifier-first login", () => {
  it("asks for the identifier only", async () => {
    const flow = await clients.frontend.createNativeLoginFlow();
    expect(shape(flow.ui.nodes as Node[])).toEqual(["default:csrf_token:hidden:", "identifier_first:identifier:text:", "identifier_first:method:submit:identifier_first"]);
  });

  it("offers the identity's methods with the identifier carried along, and signs in", async () => {
    const email = uniqueEmail("idf");
    await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email }, credentials: { password: { config: { password } } } } });
    const step = await afterIdentifier(email);
    expect(step.status).toBe(400);
    expect(shape(step.nodes)).toEqual(["default:csrf_token:hidden:", "default:identifier:hidden:", "password:password:password:", "password:method:submit:password", "code:method:submit:code"]);
    expect(step.nodes.find((n) => n.attributes.name === "identifier")?.attributes.value).toBe(email);
    const ok = await clients.frontend.updateLoginFlow({ flow: step.flowId, updateLoginFlowBody: { method: "password", identifier: email, password } });
    expect(ok.session_token).toBeTruthy();
  });

  it("offers only code to an account without a password", async () => {
    const email = uniqueEmail("idfcode");
    await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email } } });
    const step = await afterIdentifier(email);
    expect(shape(step.nodes).filter((n) => !n.startsWith("default:"))).toEqual(["code:method:submit:code"]);
  });

  it("answers an unknown identifier exactly like an account with the methods of a new sign-up", async () => {
    const known = uniqueEmail("idfknown");
    await clients.identity.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: known }, credentials: { password: { config: { password } } } } });
    const a = await afterIdentifier(known);
    const b = await afterIdentifier(uniqueEmail("idfnobody"));
    expect(b.status).toBe(a.status);
    expect(shape(b.nodes)).toEqual(shape(a.nodes));
    const wrong = await clients.frontend.updateLoginFlow({ flow: b.flowId, updateLoginFlowBody: { method: "password", identifier: "x", password } }).catch(errorBody);
    expect((wrong as { status: number }).status).toBe(400);
  });
});
