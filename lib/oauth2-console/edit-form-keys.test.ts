import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClientDocument } from "@/lib/oauth2/clients";
import { editClientFormSchema, editClientPatch } from "./client-form";
import { parseJwksText } from "./client-keys-form";
import { clientLifespanRows } from "./lifespans-form";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const pub = { ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "ES256" };
const priv = { ...privateKey.export({ format: "jwk" }), kid: "k1" };

const form = {
  client_name: "Batch", redirect_uris: "", post_logout_redirect_uris: "", scope: "", audience: "", grant_types: ["client_credentials"],
  token_endpoint_auth_method: "private_key_jwt", skip_consent: false, frontchannel_logout_uri: "", backchannel_logout_uri: "", access_token_strategy: "",
  allowed_cors_origins: [] as string[], key_source: "jwks", jwks: JSON.stringify({ keys: [pub] }), jwks_uri: "",
};

describe("pasted JWK Sets", () => {
  it("accepts a set or a single public JWK and refuses private keys and broken JSON", () => {
    expect(parseJwksText(JSON.stringify({ keys: [pub] }))).toEqual({ jwks: { keys: [pub] } });
    expect(parseJwksText(JSON.stringify(pub))).toEqual({ jwks: { keys: [pub] } });
    expect(parseJwksText(JSON.stringify({ keys: [priv] }))).toEqual({ problem: "jwksPrivate" });
    expect(parseJwksText("{not json")).toEqual({ problem: "jwksJson" });
    expect(parseJwksText("[1,2]")).toEqual({ problem: "jwksJson" });
    expect(parseJwksText(JSON.stringify({ keys: [pub, pub] }))).toEqual({ problem: "jwksDuplicateKid" });
  });
});

describe("client edit: authentication, keys and CORS origins", () => {
  it("patches a pasted JWK Set for private_key_jwt and clears jwks_uri", () => {
    const parsed = editClientFormSchema.parse(form);
    const byPath = Object.fromEntries(editClientPatch(parsed, { grant_types: ["client_credentials"], response_types: [] }).map((op) => [op.path, op.value]));
    expect(byPath["/token_endpoint_auth_method"]).toBe("private_key_jwt");
    expect(byPath["/jwks"]).toEqual({ keys: [pub] });
    expect(byPath["/jwks_uri"]).toBe("");
    expect(byPath).not.toHaveProperty("/key_source");
  });

  it("patches a JWK Set URL instead, and leaves keys alone for other methods", () => {
    const viaUri = editClientFormSchema.parse({ ...form, key_source: "jwks_uri", jwks_uri: "https://rp.example/jwks.json" });
    const ops = Object.fromEntries(editClientPatch(viaUri, { grant_types: [], response_types: [] }).map((op) => [op.path, op.value]));
    expect(ops).toMatchObject({ "/jwks": { keys: [] }, "/jwks_uri": "https://rp.example/jwks.json" });
    const secret = editClientFormSchema.parse({ ...form, token_endpoint_auth_method: "client_secret_basic", jwks: "garbage" });
    const paths = editClientPatch(secret, { grant_types: [], response_types: [] }).map((op) => op.path);
    expect(paths).not.toContain("/jwks");
    expect(paths).not.toContain("/jwks_uri");
  });

  it("explains refused keys, methods and origins on their fields", () => {
    expect(issues(editClientFormSchema.safeParse({ ...form, jwks: JSON.stringify({ keys: [priv] }) }))).toEqual({ jwks: "jwksPrivate" });
    expect(issues(editClientFormSchema.safeParse({ ...form, jwks: " " }))).toEqual({ jwks: "keysRequired" });
    expect(issues(editClientFormSchema.safeParse({ ...form, key_source: "jwks_uri", jwks_uri: "http://rp.example/jwks" }))).toEqual({ jwks_uri: "jwksUri" });
    expect(issues(editClientFormSchema.safeParse({ ...form, token_endpoint_auth_method: "none" }))).toEqual({ token_endpoint_auth_method: "publicClientCredentials" });
    expect(issues(editClientFormSchema.safeParse({ ...form, allowed_cors_origins: ["https://ok.example", "https://bad.example/path"] }))).toEqual({ allowed_cors_origins: "corsOrigin" });
  });

  it("drops blank and repeated origins", () => {
    const parsed = editClientFormSchema.parse({ ...form, allowed_cors_origins: [" https://a.example ", "", "https://a.example", "http://localhost:3000"] });
    expect(parsed.allowed_cors_origins).toEqual(["https://a.example", "http://localhost:3000"]);
  });
});

describe("lifespan rows", () => {
  const doc = (grants: string[], scope: string, lifespans: ClientDocument["lifespans"] = {}) => ({ grant_types: grants, scope, lifespans }) as unknown as ClientDocument;
  const project = { config: { services: { oauth2: { config: { ttl: { access_token: "30m" } } } } } };

  it("shows only the grants the client uses, ID tokens with openid, refresh tokens with refresh_token", () => {
    expect(clientLifespanRows(doc(["client_credentials"], "read"), project).map((r) => [r.field, r.projectDefault])).toEqual([["client_credentials_grant_access_token_lifespan", "30m"]]);
    expect(clientLifespanRows(doc(["authorization_code"], "profile"), project).map((r) => r.field)).toEqual(["authorization_code_grant_access_token_lifespan"]);
    const web = clientLifespanRows(doc(["authorization_code", "refresh_token"], "openid offline_access", { refresh_token_grant_refresh_token_lifespan: "24h" }), project);
    expect(web.map((r) => r.field)).toEqual([
      "authorization_code_grant_access_token_lifespan", "authorization_code_grant_id_token_lifespan", "authorization_code_grant_refresh_token_lifespan",
      "refresh_token_grant_access_token_lifespan", "refresh_token_grant_id_token_lifespan", "refresh_token_grant_refresh_token_lifespan",
    ]);
    expect(web.at(-1)).toMatchObject({ value: "24h", projectDefault: "720h" });
  });
});
