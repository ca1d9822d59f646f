import { Configuration, IdentityApi } from "@ory/client-fetch";
import { decodeJwt } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { issueSession, sessionFromToken } from "@/lib/sessions";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";
import { completeLoginChallengeWithSession, decideConsent, oauth2PageContext } from "./index";

const REDIRECT = "https://rp.example/cb";
const CUSTOM_SCHEMA = {
  $id: "https://example.com/customer.schema.json",
  type: "object",
  properties: {
    traits: {
      type: "object",
      properties: {
        contact: { type: "object", properties: { mail: { type: "string", format: "email", "ory.sh/kratos": { credentials: { password: { identifier: true } }, verification: { via: "email" } } } } },
        full_name: { type: "string" },
        postal: { type: "object", properties: { locality: { type: "string" }, country: { type: "string" } } },
      },
    },
  },
};

let h: OAuth2Harness;
beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

const identities = () => new IdentityApi(new Configuration({ basePath: h.issuer(h.a), accessToken: h.a.apiKey }));

async function pageContext() {
  const project = (await findProjectBySlug(h.a.slug))!;
  const base = { project, db: await projectDb(project.id), now: new Date(), actor: { type: "anonymous" as const } };
  const request = { header: (n: string) => (n === "host" ? new URL(h.server.url).host : undefined), url: new URL(h.issuer(h.a)), ip: "127.0.0.1" };
  return { base, ctx: oauth2PageContext({ ...base, request }) };
}

async function newClient(extra: Record<string, unknown> = {}) {
  return (await h.admin(h.a, "POST", "/admin/clients", { redirect_uris: [REDIRECT], scope: "openid email profile address", token_endpoint_auth_method: "none", ...extra })).json();
}

/** Signs the identity in through the hosted-login glue; at the consent page (unless skipped) grants `grantScope`. */
async function signIn(identityId: string, clientId: string, scope: string, options: { grantScope?: string[]; acrValues?: string } = {}) {
  const { base, ctx } = await pageContext();
  const { token } = await issueSession(base, { identityId, method: "password", device: { ip: "127.0.0.1", userAgent: "vitest" } });
  const auth = (await sessionFromToken(base, token))!;
  const verifier = oidc.randomPKCECodeVerifier();
  const ua = new TestUserAgent();
  const url = new URL(`${h.issuer(h.a)}/oauth2/auth`);
  const params = { client_id: clientId, response_type: "code", redirect_uri: REDIRECT, scope, state: "abcdefgh", nonce: "n-0S6_WzA2Mj", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...(options.acrValues ? { acr_values: options.acrValues } : {}) };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const { url: loginUi } = await ua.navigate(url.toString(), (u) => u.pathname.endsWith("/ui/login"));
  const accepted = await completeLoginChallengeWithSession(ctx, loginUi.searchParams.get("login_challenge")!, { ...auth, via: "cookie" });
  if (!("redirect_to" in accepted)) throw new Error("login not accepted");
  let { url: next } = await ua.navigate(accepted.redirect_to, (u) => u.pathname.endsWith("/ui/consent") || u.origin === "https://rp.example");
  if (next.pathname.endsWith("/ui/consent")) {
    const { redirect_to } = await decideConsent(ctx, next.searchParams.get("consent_challenge")!, { accept: true, remember: false, grantScope: options.grantScope ?? [] });
    ({ url: next } = await ua.navigate(redirect_to, (u) => u.origin === "https://rp.example"));
  }
  const tokens = await (await fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "authorization_code", code: next.searchParams.get("code")!, redirect_uri: REDIRECT, code_verifier: verifier, client_id: clientId }) })).json();
  const userinfo = await (await fetch(`${h.issuer(h.a)}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
  return { scope: tokens.scope as string, idToken: decodeJwt(tokens.id_token as string), userinfo };
}

let adas = 0;
let email = "";
function verifiedAda() {
  email = `ada${++adas}@example.com`;
  return identities().createIdentity({
    createIdentityBody: {
      schema_id: "preset://email",
      traits: { email, name: { first: "Ada", last: "Lovelace" } },
      verifiable_addresses: [{ value: email, via: "email", verified: true, status: "completed" }],
    },
  });
}

describe("claim release: one rule for the ID token and userinfo (OIDC Core §5.4, §3.1.2.4)", () => {
  it("releases none of the claims the user unticked, in the ID token either", async () => {
    const ada = await verifiedAda();
    const client = await newClient();
    const { scope, idToken, userinfo } = await signIn(ada.id, client.client_id, "openid email profile", { grantScope: [] });
    expect(scope).toBe("openid");
    expect(userinfo).toEqual({ sub: ada.id });
    for (const claim of ["name", "given_name", "family_name", "email", "email_verified", "updated_at"]) expect(idToken[claim]).toBeUndefined();
  });

  it("releases exactly the granted scopes' claims, email_verified from the verifiable address", async () => {
    const ada = await verifiedAda();
    const client = await newClient();
    const { idToken, userinfo } = await signIn(ada.id, client.client_id, "openid email profile", { grantScope: ["email"] });
    expect(userinfo).toEqual({ sub: ada.id, email, email_verified: true });
    expect(idToken).toMatchObject({ email, email_verified: true });
    expect(idToken.name).toBeUndefined();
  });

  it("gives a skip_consent client the same claims the consent page would (not only sub)", async () => {
    const ada = await verifiedAda();
    const client = await newClient({ skip_consent: true });
    const { idToken, userinfo } = await signIn(ada.id, client.client_id, "openid email");
    expect(userinfo).toEqual({ sub: ada.id, email, email_verified: true });
    expect(idToken).toMatchObject({ sub: ada.id, email, email_verified: true });
    expect(idToken.given_name).toBeUndefined(); // profile was not requested
  });

  it("answers acr with the requested value the login satisfied (acr_values=1 2 → 1)", async () => {
    const ada = await verifiedAda();
    const client = await newClient({ skip_consent: true });
    expect((await signIn(ada.id, client.client_id, "openid", { acrValues: "1 2" })).idToken.acr).toBe("1");
    expect((await signIn(ada.id, client.client_id, "openid", { acrValues: "urn:example:unknown" })).idToken.acr).toBe("aal1");
    const discovery = await (await fetch(`${h.issuer(h.a)}/.well-known/openid-configuration`)).json();
    expect(discovery.acr_values_supported).toEqual(["aal1", "aal2", "1", "2"]);
  });
});

describe("claims_from_traits: claims from the traits of custom schemas", () => {
  const patch = (ops: unknown[]) => fetch(`${h.server.url}/api/console/projects/${h.a.projectId}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${h.a.workspaceKey}`, "content-type": "application/json" },
    body: JSON.stringify(ops),
  });

  it("is validated on write (Ory 400 naming the path) and then maps traits to claims", async () => {
    const schemas = [{ id: "preset://email", url: "preset://email" }, { id: "customer", url: `base64://${Buffer.from(JSON.stringify(CUSTOM_SCHEMA)).toString("base64")}` }];
    const schemaPatch = await patch([{ op: "add", path: "/services/identity/config/identity", value: { default_schema_id: "preset://email", schemas } }]);
    expect(schemaPatch.status, await schemaPatch.clone().text()).toBe(200);
    const path = "/services/oauth2/config/oidc";
    const unknownSchema = await patch([{ op: "add", path, value: { claims_from_traits: { nobody: { email: "/contact/mail" } } } }]);
    expect(unknownSchema.status).toBe(400);
    expect((await unknownSchema.json()).error.reason).toBe("services.oauth2.config.oidc.claims_from_traits.nobody: no identity schema with this id is configured (identity.schemas)");
    const badPointer = await patch([{ op: "add", path, value: { claims_from_traits: { customer: { email: "contact.mail" } } } }]);
    expect((await badPointer.json()).error.reason).toMatch(/^services\.oauth2\.config\.oidc\.claims_from_traits\.customer\.email: must be a JSON Pointer/);
    const derived = await patch([{ op: "add", path, value: { claims_from_traits: { customer: { email_verified: "/x" } } } }]);
    expect(derived.status).toBe(400);
    const mapping = { customer: { email: "/contact/mail", name: "/full_name", address: "/postal" } };
    expect((await patch([{ op: "add", path, value: { claims_from_traits: mapping } }])).status).toBe(200);

    const grace = await identities().createIdentity({
      createIdentityBody: {
        schema_id: "customer",
        traits: { contact: { mail: "grace@example.com" }, full_name: "Grace Hopper", postal: { locality: "Arlington", country: "US" } },
        verifiable_addresses: [{ value: "grace@example.com", via: "email", verified: true, status: "completed" }],
      },
    });
    const client = await newClient({ skip_consent: true });
    const { userinfo, idToken } = await signIn(grace.id, client.client_id, "openid email profile address");
    expect(userinfo).toMatchObject({ sub: grace.id, email: "grace@example.com", email_verified: true, name: "Grace Hopper", address: { locality: "Arlington", country: "US" } });
    expect(idToken).toMatchObject({ email: "grace@example.com", name: "Grace Hopper" });
  });
});
