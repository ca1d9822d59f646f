import { describe, expect, it } from "vitest";
import { authenticationSettingsPatch, readAuthenticationSettings } from "./authentication-settings";

describe("Authentication page settings", () => {
  it("read Kratos' defaults from an empty config", () => {
    expect(readAuthenticationSettings({})).toEqual({
      methods: { password: true, code: true, totp: false, lookup_secret: false, webauthn: false, passkey: false },
      whoamiRequiredAal: "highest_available", settingsRequiredAal: "highest_available", totpIssuer: "", passkeyDisplayName: "",
    });
  });

  it("patch only what changed, at Kratos' keys", () => {
    const config = { services: { identity: { config: { selfservice: { methods: { password: { enabled: true } } } } } } };
    const current = readAuthenticationSettings(config);
    const patch = authenticationSettingsPatch(config, { ...current, methods: { ...current.methods, totp: true }, whoamiRequiredAal: "aal1", totpIssuer: "Acme" });
    expect(patch).toEqual([
      { op: "add", path: "/services/identity/config/selfservice/methods/totp", value: { enabled: true } },
      { op: "add", path: "/services/identity/config/session", value: { whoami: { required_aal: "aal1" } } },
      { op: "add", path: "/services/identity/config/selfservice/methods/totp/config", value: { issuer: "Acme" } },
    ]);
    expect(authenticationSettingsPatch(config, current)).toEqual([]);
  });

  it("switch passkeys on with the display name devices show", () => {
    const current = readAuthenticationSettings({});
    expect(authenticationSettingsPatch({}, { ...current, methods: { ...current.methods, passkey: true }, passkeyDisplayName: "Acme" })).toEqual([
      { op: "add", path: "/services", value: { identity: { config: { selfservice: { methods: { passkey: { enabled: true } } } } } } },
      { op: "add", path: "/services/identity/config/selfservice/methods/passkey/config", value: { rp: { display_name: "Acme" } } },
    ]);
  });
});
