import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { channelsSchema, courierChannel } from "./channels";
import { sendOverHttp } from "./send";
import { startSmsCatcher, type SmsCatcher } from "./sms-catcher";

const config = (channels: unknown) => ({ services: { identity: { config: { courier: { channels } } } } });
let sms: SmsCatcher;

beforeAll(async () => {
  process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8";
  resetConfig();
  sms = await startSmsCatcher();
});
afterAll(async () => {
  await sms?.close();
  delete process.env.GATEWAY_OUTBOUND_ALLOW;
  resetConfig();
});

describe("courier HTTP channel (Kratos courier.channels, type http)", () => {
  it("validates channels and finds the sms one", () => {
    expect(channelsSchema.safeParse([{ id: "sms", type: "http", request_config: { url: "ftp://x" } }]).success).toBe(false);
    expect(channelsSchema.safeParse([{ id: "sms", type: "smtp", request_config: { url: "https://x.test" } }]).success).toBe(false);
    const channel = courierChannel(config([{ id: "sms", type: "http", request_config: { url: "https://gw.test/send" } }]), "sms");
    expect(channel?.request_config).toMatchObject({ url: "https://gw.test/send", method: "POST" });
    expect(courierChannel(config("nonsense"), "sms")).toBeUndefined();
  });

  it("posts the rendered template with auth, and refuses a Jsonnet body", async () => {
    const channel = channelsSchema.parse([{ id: "sms", type: "http", request_config: { url: sms.url, auth: { type: "basic_auth", config: { user: "u", password: "p" } }, body: { to: "{{ ctx.recipient }}", msg: "{{ ctx.body }}", kind: "{{ ctx.message_type }}" } } }])[0]!;
    await sendOverHttp(channel, { recipient: "+491500000001", body: "Code 123456", template_type: "login_code_valid", message_type: "sms" });
    const caught = await sms.waitFor((m) => m.body.to === "+491500000001");
    expect(caught.body).toEqual({ to: "+491500000001", msg: "Code 123456", kind: "sms" });
    expect(caught.headers.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    const broken = { ...channel, request_config: { ...channel.request_config, body: "local ctx = std.extVar(\"ctx\"); { to: ctx.recipient }" } };
    await expect(sendOverHttp(broken, { recipient: "x", body: "y", template_type: "login_code_valid", message_type: "sms" })).rejects.toThrow(/Jsonnet/);
  });
});
