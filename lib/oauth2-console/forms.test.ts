import { describe, expect, it } from "vitest";
import { buildClientDocument } from "@/lib/oauth2/clients/validate";
import { pkceMatches } from "@/lib/oauth2/pkce";
import { buildAuthorizationRequest, s256Challenge } from "./authorization-url";
import { createClientFormSchema, createClientInput, editClientFormSchema, editClientPatch } from "./client-form";
import { presetOf } from "./presets";
import { oauth2SettingsPatch, oauth2SettingsSchema, readOAuth2SettingsForm } from "./settings-form";
import { isNativeRedirectUri, splitList } from "./uri-list";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("client presets", () => {
  it("build valid client documents for each kind of application", () => {
    const make = (preset: string, redirect_uris: string) => {
      const parsed = createClientFormSchema.parse({ preset, client_name: "App", redirect_uris, scope: "" });
      return buildClientDocument("id", createClientInput(parsed));
    };
    const web = make("web", "https://app.example/cb");
    expect(web).toMatchObject({ grant_types: ["authorization_code", "refresh_token"], token_endpoint_auth_method: "client_secret_basic", response_types: ["code"] });
    expect(make("spa", "https://spa.example/cb").token_endpoint_auth_method).toBe("none");
    expect(make("native", "com.example.app:/cb\nhttp://127.0.0.1/cb").redirect_uris).toEqual(["com.example.app:/cb", "http://127.0.0.1/cb"]);
    const machine = make("machine", "https://ignored.example/cb");
    expect(machine).toMatchObject({ grant_types: ["client_credentials"], redirect_uris: [], token_endpoint_auth_method: "client_secret_basic" });
    expect([web, machine].map(presetOf)).toEqual(["web", "machine"]);
  });

  it("refuses missing, malformed and non-native redirect URIs", () => {
    expect(issues(createClientFormSchema.safeParse({ preset: "web", client_name: "A", redirect_uris: "", scope: "" }))).toEqual({ redirect_uris: "required" });
    expect(issues(createClientFormSchema.safeParse({ preset: "web", client_name: "A", redirect_uris: "https://a/cb#x", scope: "" }))).toEqual({ redirect_uris: "redirectUri" });
    expect(issues(createClientFormSchema.safeParse({ preset: "spa", client_name: "A", redirect_uris: "javascript:alert(1)", scope: "" }))).toEqual({ redirect_uris: "redirectUri" });
    expect(issues(createClientFormSchema.safeParse({ preset: "native", client_name: "A", redirect_uris: "https://a.example/cb", scope: "" }))).toEqual({ redirect_uris: "nativeRedirect" });
    expect(isNativeRedirectUri("http://[::1]:8080/cb")).toBe(true);
    expect(isNativeRedirectUri("http://evil.example/cb")).toBe(false);
  });
});

describe("client edit", () => {
  const form = {
    client_name: "Renamed", redirect_uris: "https://a.example/cb\n\nhttps://a.example/cb", post_logout_redirect_uris: "", scope: "openid  email",
    audience: "https://api.example", grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_post",
    skip_consent: true, frontchannel_logout_uri: "", backchannel_logout_uri: "https://a.example/bc", access_token_strategy: "jwt",
  };

  it("patches the edited fields, keeps grants the form does not offer and derives response types", () => {
    const parsed = editClientFormSchema.parse(form);
    expect(parsed.redirect_uris).toEqual(["https://a.example/cb"]);
    expect(parsed.scope).toBe("openid email");
    const patch = editClientPatch(parsed, { grant_types: ["authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer"], response_types: ["code"] });
    const byPath = Object.fromEntries(patch.map((op) => [op.path, op.value]));
    expect(byPath["/grant_types"]).toEqual(["client_credentials", "urn:ietf:params:oauth:grant-type:jwt-bearer"]);
    expect(byPath["/response_types"]).toEqual([]);
    expect(patch.every((op) => op.op === "add")).toBe(true);
  });

  it("refuses bad logout URLs and an empty grant list", () => {
    expect(issues(editClientFormSchema.safeParse({ ...form, grant_types: [], frontchannel_logout_uri: "ftp://x" }))).toEqual({ grant_types: "grantRequired", frontchannel_logout_uri: "httpUrl" });
  });
});

describe("OAuth2 settings form", () => {
  it("reads Hydra's defaults, validates and patches only what changed", () => {
    const config = { services: { oauth2: { config: { ttl: { access_token: "1h" }, strategies: { access_token: "opaque" } } } } };
    const current = readOAuth2SettingsForm(config);
    expect(current).toMatchObject({ accessTokenStrategy: "opaque", refreshTokenTtl: "720h", loginUrl: "/ui/login" });
    const next = oauth2SettingsSchema.parse({ ...current, accessTokenStrategy: "jwt", accessTokenTtl: "15m", loginUrl: "https://login.example/l" });
    const patch = oauth2SettingsPatch(config, next);
    expect(patch).toContainEqual({ op: "add", path: "/services/oauth2/config/strategies/access_token", value: "jwt" });
    expect(patch).toContainEqual({ op: "add", path: "/services/oauth2/config/ttl/access_token", value: "15m" });
    expect(patch.find((op) => op.path === "/services/oauth2/config/urls")).toBeDefined();
    expect(issues(oauth2SettingsSchema.safeParse({ ...current, accessTokenTtl: "5s", loginUrl: "javascript:alert(1)", consentUrl: "//evil.example" }))).toEqual({
      accessTokenTtl: "durationTooShort",
      loginUrl: "uiUrl",
      consentUrl: "uiUrl",
    });
  });
});

describe("authorization URL", () => {
  it("carries PKCE S256, state and nonce", async () => {
    const request = await buildAuthorizationRequest({ issuer: "https://id.example/p/acme/", clientId: "c1", redirectUri: "https://app.example/cb", scope: "openid email" });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe("https://id.example/p/acme/oauth2/auth");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: "code", client_id: "c1", redirect_uri: "https://app.example/cb", scope: "openid email", state: request.state, nonce: request.nonce, code_challenge_method: "S256" });
    expect(url.searchParams.get("code_challenge")).toBe(await s256Challenge(request.codeVerifier));
    // The browser-side challenge is what the token endpoint checks (RFC 7636 §4.6).
    expect(pkceMatches("S256", url.searchParams.get("code_challenge")!, request.codeVerifier)).toBe(true);
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("splits URI lists on lines, spaces and commas", () => {
    expect(splitList(" a\n b, c  a ")).toEqual(["a", "b", "c"]);
  });
});
