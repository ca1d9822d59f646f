import { describe, expect, it } from "vitest";
import { claimsMappingProblem, MAPPABLE_CLAIMS } from "@/lib/projects";
import { resolvePointer } from "./json-pointer";
import { releasedClaims } from "./release";
import { STANDARD_CLAIMS } from "./standard-claims";

describe("releasedClaims (OIDC Core §5.4)", () => {
  const session = { email: "a@example.com", email_verified: true, name: "A", phone_number: "+1", address: { country: "US" }, tenant: "blue", sub: "forged", nonce: "x" };

  it("releases standard claims only under their granted scope, custom claims as the consent set them", () => {
    expect(releasedClaims(session, ["openid"])).toEqual({ tenant: "blue" });
    expect(releasedClaims(session, ["openid", "email"])).toEqual({ email: "a@example.com", email_verified: true, tenant: "blue" });
    expect(releasedClaims(session, ["openid", "profile", "address", "phone"])).toEqual({ name: "A", phone_number: "+1", address: { country: "US" }, tenant: "blue" });
    expect(releasedClaims(undefined, ["email"])).toEqual({});
  });
});

describe("claims_from_traits", () => {
  const config = (mapping: unknown) => ({ services: { identity: { config: { identity: { schemas: [{ id: "customer", url: "preset://email" }] } } }, oauth2: { config: { oidc: { claims_from_traits: mapping } } } } });

  it("may name every standard claim except the derived ones", () => {
    expect([...MAPPABLE_CLAIMS].sort()).toEqual(STANDARD_CLAIMS.filter((c) => !["email_verified", "phone_number_verified", "updated_at"].includes(c)).sort());
  });

  it("names the path of what is wrong", () => {
    expect(claimsMappingProblem({})).toBeUndefined();
    expect(claimsMappingProblem(config({ customer: { email: "/contact/mail" } }))).toBeUndefined();
    expect(claimsMappingProblem(config({ customer: { email: "mail" } }))).toMatch(/^services\.oauth2\.config\.oidc\.claims_from_traits\.customer\.email: must be a JSON Pointer/);
    expect(claimsMappingProblem(config({ customer: { sub: "/id" } }))).toMatch(/claims_from_traits\.customer\.sub: must be one of the standard claims/);
    expect(claimsMappingProblem(config({ customer: { updated_at: "/x" } }))).toMatch(/must be one of the standard claims/);
    expect(claimsMappingProblem(config({ other: { email: "/mail" } }))).toBe("services.oauth2.config.oidc.claims_from_traits.other: no identity schema with this id is configured (identity.schemas)");
    expect(claimsMappingProblem(config([]))).toMatch(/^services\.oauth2\.config\.oidc\.claims_from_traits: /);
  });

  it("resolves RFC 6901 pointers", () => {
    const traits = { a: { "b/c": [1, { "d~e": "x" }] } };
    expect(resolvePointer(traits, "/a/b~1c/1/d~0e")).toBe("x");
    expect(resolvePointer(traits, "/a/missing")).toBeUndefined();
    expect(resolvePointer(traits, "/a/b~1c/01")).toBeUndefined();
    expect(resolvePointer({}, "/constructor")).toBeUndefined();
  });
});
