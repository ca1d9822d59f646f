import { describe, expect, it } from "vitest";
import { afterHooks } from "./config";

const project = (selfservice: Record<string, unknown>) => ({ services: { identity: { config: { selfservice } } } });
const names = (specs: readonly { hook: string }[]) => specs.map((spec) => spec.hook);

describe("after hooks", () => {
  it("puts the configured login hooks before the session is stored, then notification and the OAuth2 challenge", () => {
    const config = project({ flows: { login: { notify_new_sign_in: true, after: { hooks: [{ hook: "revoke_active_sessions" }], password: { hooks: [{ hook: "web_hook", config: { url: "https://h.example" } }] } } } } });
    expect(names(afterHooks(config, "login", "password"))).toEqual(["revoke_active_sessions", "web_hook", "session", "login_notification", "oauth2_login_challenge"]);
    expect(names(afterHooks(project({}), "login", "password"))).toEqual(["session", "oauth2_login_challenge"]);
  });

  it("issues a registration session when configured, or when the method has no hook list at all (Portcullis' old default)", () => {
    const configured = project({ flows: { registration: { after: { password: { hooks: [{ hook: "session" }] } } } } });
    expect(names(afterHooks(configured, "registration", "password"))).toEqual(["session", "verification", "show_verification_ui", "oauth2_login_challenge"]);
    expect(names(afterHooks(project({}), "registration", "password"))).toContain("session");
    const withoutSession = project({ flows: { registration: { after: { password: { hooks: [{ hook: "web_hook", config: {} }] } } } } });
    expect(names(afterHooks(withoutSession, "registration", "password"))).toEqual(["web_hook", "verification", "show_verification_ui", "oauth2_login_challenge"]);
  });

  it("skips verification when the verification flow is off, and signs in first on recovery", () => {
    const off = project({ flows: { verification: { enabled: false } } });
    expect(names(afterHooks(off, "registration", "password"))).toEqual(["session", "oauth2_login_challenge"]);
    expect(names(afterHooks(project({ flows: { recovery: { after: { hooks: [{ hook: "revoke_active_sessions" }] } } } }), "recovery", "code_recovery"))).toEqual(["session", "revoke_active_sessions"]);
  });

  it("ignores hook lists that are not lists of hooks", () => {
    expect(names(afterHooks(project({ flows: { settings: { after: { hooks: "web_hook" } } } }), "settings", "password"))).toEqual([]);
  });
});
