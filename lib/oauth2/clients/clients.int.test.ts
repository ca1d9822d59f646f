import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";

let h: OAuth2Harness;
beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

describe("OAuth2 client admin API (Ory OAuth2Api)", () => {
  it("creates, reads, lists, patches, replaces and deletes clients", async () => {
    const { oauth2 } = h.sdk(h.a);
    const created = await oauth2.createOAuth2Client({
      oAuth2Client: { client_name: "web", redirect_uris: ["https://app.example/cb"], grant_types: ["authorization_code", "refresh_token"], scope: "openid offline_access" },
    });
    expect(created.client_id).toBeTruthy();
    expect(created.client_secret!.length).toBeGreaterThanOrEqual(43);
    expect(created.token_endpoint_auth_method).toBe("client_secret_basic");

    const fetched = await oauth2.getOAuth2Client({ id: created.client_id! });
    expect(fetched.client_name).toBe("web");
    expect(fetched.client_secret).toBeUndefined();

    const list = await oauth2.listOAuth2Clients({});
    expect(list.map((c) => c.client_id)).toContain(created.client_id);

    const patched = await oauth2.patchOAuth2Client({ id: created.client_id!, jsonPatch: [{ op: "replace", path: "/client_name", value: "renamed" }] });
    expect(patched.client_name).toBe("renamed");
    expect(patched.client_secret).toBeUndefined();

    const replaced = await oauth2.setOAuth2Client({ id: created.client_id!, oAuth2Client: { ...fetched, client_name: "put", client_secret: undefined } });
    expect(replaced.client_name).toBe("put");

    const lifespans = await oauth2.setOAuth2ClientLifespans({ id: created.client_id!, oAuth2ClientTokenLifespans: { client_credentials_grant_access_token_lifespan: "5m" } });
    expect(lifespans.client_credentials_grant_access_token_lifespan).toBe("5m");

    await oauth2.deleteOAuth2Client({ id: created.client_id! });
    await expect(oauth2.getOAuth2Client({ id: created.client_id! })).rejects.toMatchObject({ response: { status: 404 } });
  });

  it("validates redirect URIs and grant/auth method consistency", async () => {
    const bad = async (body: unknown) => (await h.admin(h.a, "POST", "/admin/clients", body)).status;
    expect(await bad({ redirect_uris: ["/relative"] })).toBe(400);
    expect(await bad({ redirect_uris: ["https://a.example/cb#frag"] })).toBe(400);
    expect(await bad({ grant_types: ["authorization_code"] })).toBe(400);
    expect(await bad({ grant_types: ["client_credentials"], token_endpoint_auth_method: "none" })).toBe(400);
    expect(await bad({ grant_types: ["client_credentials"], token_endpoint_auth_method: "private_key_jwt" })).toBe(400);
    expect(await bad({ grant_types: ["implicit-ish"] })).toBe(400);
    expect(await bad({ grant_types: ["client_credentials"], client_secret: "short" })).toBe(400);
    const pub = await h.admin(h.a, "POST", "/admin/clients", { redirect_uris: ["com.example.app:/cb"], token_endpoint_auth_method: "none" });
    expect(pub.status).toBe(201);
    expect((await pub.json()).client_secret).toBeUndefined();
  });

  it("rotates a secret, keeping the previous one for the grace period", async () => {
    const created = await (await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["client_credentials"] })).json();
    const rotated = await h.admin(h.a, "POST", `/admin/clients/${created.client_id}/secret/rotate`, { previous_secret_grace_period: "1h" });
    expect(rotated.status).toBe(200);
    const body = await rotated.json();
    expect(body.client_secret).toBeTruthy();
    expect(body.client_secret).not.toBe(created.client_secret);
  });

  it("rotates as Hydra v26 does: the old secret works until the rotated secrets are deleted (Ory's SDK)", async () => {
    const { oauth2 } = h.sdk(h.a);
    const created = await oauth2.createOAuth2Client({ oAuth2Client: { grant_types: ["client_credentials"] } });
    const token = (secret: string) =>
      fetch(`${h.issuer(h.a)}/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${created.client_id}:${secret}`).toString("base64")}` },
        body: "grant_type=client_credentials",
      });
    const rotated = await oauth2.rotateOAuth2ClientSecret({ id: created.client_id! });
    expect(rotated.client_secret).toBeTruthy();
    expect(rotated.client_secret).not.toBe(created.client_secret);
    expect((await token(created.client_secret!)).status).toBe(200);
    expect((await token(rotated.client_secret!)).status).toBe(200);
    const cleaned = await oauth2.deleteRotatedOAuth2ClientSecrets({ id: created.client_id! });
    expect(cleaned.client_secret).toBeUndefined();
    expect((await token(created.client_secret!)).status).toBe(401);
    expect((await token(rotated.client_secret!)).status).toBe(200);
    expect((await h.admin(h.b, "POST", `/admin/clients/${created.client_id}/secrets/rotate`)).status).toBe(404);
    expect((await h.admin(h.b, "DELETE", `/admin/clients/${created.client_id}/secrets/rotate`)).status).toBe(404);
  });

  it("keeps projects apart", async () => {
    const created = await (await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["client_credentials"] })).json();
    expect((await h.admin(h.b, "GET", `/admin/clients/${created.client_id}`)).status).toBe(404);
    expect((await h.admin(h.b, "DELETE", `/admin/clients/${created.client_id}`)).status).toBe(404);
    const listB = await (await h.admin(h.b, "GET", "/admin/clients")).json();
    expect(listB.map((c: { client_id: string }) => c.client_id)).not.toContain(created.client_id);
    const wrongKey = await fetch(`${h.issuer(h.a)}/admin/clients`, { headers: { authorization: `Bearer ${h.b.apiKey}` } });
    expect(wrongKey.status).toBe(401);
  });
});
