import { describe, expect, it } from "vitest";
import { ACR_VALUES_SUPPORTED, aalOfAcr, answeredAcr, wantedAal } from "./acr";

describe("acr_values → assurance levels (OIDC Core §2, §3.1.2.1)", () => {
  it("maps Portcullis' names and Keycloak's numeric levels, nothing else", () => {
    expect(ACR_VALUES_SUPPORTED).toEqual(["aal1", "aal2", "1", "2"]);
    expect([aalOfAcr("aal1"), aalOfAcr("aal2"), aalOfAcr("1"), aalOfAcr("2")]).toEqual(["aal1", "aal2", "aal1", "aal2"]);
    expect([aalOfAcr("0"), aalOfAcr("urn:mace:incommon:iap:silver"), aalOfAcr("toString"), aalOfAcr("aal3")]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("answers with the first requested value the session satisfies", () => {
    expect(answeredAcr(["1", "2"], "aal1")).toBe("1");
    expect(answeredAcr(["2", "1"], "aal1")).toBe("1");
    expect(answeredAcr(["2", "1"], "aal2")).toBe("2");
    expect(answeredAcr(["aal2"], "aal2")).toBe("aal2");
    expect(answeredAcr(["aal1"], "aal2")).toBe("aal1");
  });

  it("falls back to the session's level when nothing requested is recognised or satisfied", () => {
    expect(answeredAcr([], "aal1")).toBe("aal1");
    expect(answeredAcr(["urn:example:gold"], "aal2")).toBe("aal2");
    expect(answeredAcr(["aal2"], "aal1")).toBe("aal1");
  });

  it("steps up to the first preference the identity can reach", () => {
    expect(wantedAal(["2", "1"], "aal2")).toBe("aal2");
    expect(wantedAal(["2", "1"], "aal1")).toBe("aal1");
    expect(wantedAal(["1", "2"], "aal2")).toBe("aal1");
    expect(wantedAal(["aal2"], "aal1")).toBeUndefined();
    expect(wantedAal(["urn:x"], "aal2")).toBeUndefined();
  });
});
