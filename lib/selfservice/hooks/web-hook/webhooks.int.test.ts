import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { createFlowProject, errorBody, oryClients, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../../testing/setup";
import { deliverWebhooks, renderBody, verifySignature } from "./";
import { resetConfig } from "@/lib/config";

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let env: FlowTestEnv;
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
let failuresLeft = 0;
const secret = "whsec_0123456789abcdef0123";

beforeAll(async () => {
  process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8"; // in-process peers on loopback (SSRF guard)
  resetConfig();
  env = await startFlowTestEnv();
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ path: req.url ?? "", headers: req.headers, body });
      res.setHeader("content-type", "application/json");
      if (req.url === "/interrupt") {
        const email = (JSON.parse(body) as { email?: string }).email ?? "";
        if (email.endsWith("@blocked.test")) {
          res.statusCode = 400;
          res.end(JSON.stringify({ messages: [{ instance_ptr: "#/traits/email", messages: [{ id: 4_999_001, text: "This domain is not allowed.", type: "error" }] }] }));
          return;
        }
        res.end(JSON.stringify({ identity: { traits: { ...(JSON.parse(body) as { traits: object }).traits, name: { first: "Enriched" } } } }));
        return;
      }
      if (req.url === "/async" && failuresLeft > 0) {
        failuresLeft--;
        res.statusCode = 503;
      }
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.GATEWAY_OUTBOUND_ALLOW;
  resetConfig();
  receiver?.close();
  await env?.close();
});

describe("web hooks", () => {
  it("renders JSON templates and refuses Jsonnet", () => {
    expect(renderBody({ id: "{{ ctx.identity.id }}", text: "hi {{ctx.identity.traits.email}}", all: "{{ ctx.identity.traits }}" }, { identity: { id: "i1", traits: { email: "a@b.c" } } }))
      .toEqual({ id: "i1", text: "hi a@b.c", all: { email: "a@b.c" } });
    expect(() => renderBody("function(ctx) { email: ctx.identity.traits.email }", {})).toThrowError(/Jsonnet/);
  });

  it("lets a can_interrupt hook veto or enrich a registration, signs the payload, and retries async hooks", async () => {
    const project = await createFlowProject(env, {
      selfservice: {
        flows: {
          registration: {
            after: {
              password: {
                hooks: [
                  { hook: "web_hook", config: { url: `${receiverUrl}/interrupt`, method: "POST", body: { email: "{{ ctx.identity.traits.email }}", traits: "{{ ctx.identity.traits }}" }, can_interrupt: true, response: { parse: true }, signing_secret: secret } },
                  { hook: "web_hook", config: { url: `${receiverUrl}/async`, method: "POST", response: { ignore: true }, signing_secret: secret, auth: { type: "api_key", config: { name: "X-Api-Key", value: "k-123", in: "header" } } } },
                ],
              },
            },
          },
        },
      },
    });
    const { frontend } = oryClients(env, project);
    const db = await projectDb(project.projectId);

    const blocked = await frontend.createNativeRegistrationFlow();
    const vetoed = await frontend.updateRegistrationFlow({ flow: blocked.id, updateRegistrationFlowBody: { method: "password", password: "correct horse battery 42", traits: { email: uniqueEmail("x").replace("example.test", "blocked.test") } } }).catch(errorBody);
    expect(vetoed).toMatchObject({ status: 400 });
    const nodes = (vetoed as unknown as { body: { ui: { nodes: { attributes: { name?: string }; messages: { id: number }[] }[] } } }).body.ui.nodes;
    expect(nodes.find((n) => n.attributes.name === "traits.email")?.messages.map((m) => m.id)).toContain(4_999_001);
    expect(await db.identity.count()).toBe(0);

    const hook = received.find((r) => r.path === "/interrupt")!;
    expect(verifySignature(secret, hook.body, hook.headers["x-portcullis-signature"] as string)).toBe(true);
    expect(verifySignature("wrong-secret-0123456789", hook.body, hook.headers["x-portcullis-signature"] as string)).toBe(false);
    expect(verifySignature(secret, hook.body + " ", hook.headers["x-portcullis-signature"] as string)).toBe(false);

    failuresLeft = 1;
    const email = uniqueEmail("hooked");
    const flow = await frontend.createNativeRegistrationFlow();
    const done = await frontend.updateRegistrationFlow({ flow: flow.id, updateRegistrationFlowBody: { method: "password", password: "correct horse battery 42", traits: { email } } });
    expect(done.identity.traits).toMatchObject({ email, name: { first: "Enriched" } });

    // The async hook is queued; the first attempt fails (503) and is retried later from the queue.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await deliverWebhooks(new Date());
    let delivery = await db.webhookDelivery.findFirstOrThrow({ where: { url: `${receiverUrl}/async` } });
    if (delivery.status !== "delivered") {
      await deliverWebhooks(new Date(Date.now() + 3_600_000));
      delivery = await db.webhookDelivery.findFirstOrThrow({ where: { id: delivery.id } });
    }
    expect(delivery.status).toBe("delivered");
    expect(delivery.attempts).toBe(2);
    expect(delivery.headers).toEqual({});
    const asyncCall = received.filter((r) => r.path === "/async").at(-1)!;
    expect(asyncCall.headers["x-api-key"]).toBe("k-123");
    expect(verifySignature(secret, asyncCall.body, asyncCall.headers["x-portcullis-signature"] as string)).toBe(true);
    expect((JSON.parse(asyncCall.body) as { identity: { traits: { email: string } } }).identity.traits.email).toBe(email);
  });
});
