import { describe, expect, it } from "vitest";
import { assertValidAalConfig } from "./aal-config";

const withIdentity = (config: unknown) => ({ services: { identity: { config } } });

describe("required AAL settings on write", () => {
  it("take aal1 or highest_available (or nothing) at both of Kratos' places", () => {
    expect(() => assertValidAalConfig(withIdentity({}))).not.toThrow();
    expect(() => assertValidAalConfig(withIdentity({ session: { whoami: { required_aal: "aal1" } }, selfservice: { flows: { settings: { required_aal: "highest_available" } } } }))).not.toThrow();
  });

  it("refuse anything else with a 400 naming the setting", () => {
    const refusal = (config: unknown) => {
      try {
        assertValidAalConfig(withIdentity(config));
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal({ session: { whoami: { required_aal: "aal2" } } })).toMatchObject({ status: 400, reason: expect.stringContaining("session.whoami.required_aal") });
    expect(refusal({ selfservice: { flows: { settings: { required_aal: 1 } } } })).toMatchObject({ status: 400, reason: expect.stringContaining("selfservice.flows.settings.required_aal") });
  });
});
