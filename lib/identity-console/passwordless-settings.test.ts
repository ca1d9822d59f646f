import { describe, expect, it } from "vitest";
import { authenticationSettingsPatch, readAuthenticationSettings } from "./authentication-settings";
import { passwordlessSettingsEntries, passwordlessSettingsSchema, readPasswordlessSettings } from "./passwordless-settings";

describe("Authentication page: passwordless settings", () => {
  it("read Kratos' defaults from an empty config", () => {
    expect(readPasswordlessSettings({})).toEqual({ passwordless: false, link: false, recoveryUse: "code", verificationUse: "code", loginStyle: "unified" });
  });

  it("refuse `use: link` while the link method is off", () => {
    const base = readPasswordlessSettings({});
    const refused = passwordlessSettingsSchema.safeParse({ ...base, recoveryUse: "link" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["recoveryUse"], message: "linkDisabled" });
    expect(passwordlessSettingsSchema.safeParse({ ...base, link: true, recoveryUse: "link" }).success).toBe(true);
  });

  it("patch only what changed, at Kratos' keys, in the page's one patch", () => {
    const config = { services: { identity: { config: { selfservice: { methods: { password: { enabled: true } } } } } } };
    const entries = passwordlessSettingsEntries(config, { passwordless: true, link: true, recoveryUse: "link", verificationUse: "code", loginStyle: "identifier_first" });
    const patch = authenticationSettingsPatch(config, readAuthenticationSettings(config), entries);
    expect(patch).toEqual([
      { op: "add", path: "/services/identity/config/selfservice/methods/code", value: { passwordless_enabled: true } },
      { op: "add", path: "/services/identity/config/selfservice/methods/link", value: { enabled: true } },
      { op: "add", path: "/services/identity/config/selfservice/flows", value: { recovery: { use: "link" } } },
      { op: "add", path: "/services/identity/config/selfservice/flows/login", value: { style: "identifier_first" } },
    ]);
    expect(passwordlessSettingsEntries(config, readPasswordlessSettings(config))).toEqual([]);
  });
});
