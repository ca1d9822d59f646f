import { describe, expect, it } from "vitest";
import { flowLinks, selfServiceEnabled } from "./links";

describe("hosted page links", () => {
  const disabled = { services: { identity: { config: { selfservice: { flows: { registration: { enabled: false } } } } } } };

  it("links the flows and carries return_to", () => {
    expect(flowLinks("acme", {}, "https://app.example.com/x")).toEqual({
      login: "/p/acme/self-service/login/browser?return_to=https%3A%2F%2Fapp.example.com%2Fx",
      registration: "/p/acme/self-service/registration/browser?return_to=https%3A%2F%2Fapp.example.com%2Fx",
      recovery: "/p/acme/self-service/recovery/browser?return_to=https%3A%2F%2Fapp.example.com%2Fx",
    });
  });

  it("carries an OAuth2 login challenge between sign in and sign up only", () => {
    const links = flowLinks("acme", {}, undefined, "chal");
    expect(links.login).toBe("/p/acme/self-service/login/browser?login_challenge=chal");
    expect(links.registration).toBe("/p/acme/self-service/registration/browser?login_challenge=chal");
    expect(links.recovery).toBe("/p/acme/self-service/recovery/browser");
  });

  it("leaves out disabled flows", () => {
    expect(selfServiceEnabled(disabled, "registration")).toBe(false);
    expect(selfServiceEnabled(disabled, "recovery")).toBe(true);
    expect(flowLinks("acme", disabled).registration).toBeUndefined();
  });
});
